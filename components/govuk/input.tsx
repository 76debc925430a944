import { ErrorMessage } from './error-message'
import type { ErrorMessageProps } from './error-message'
import { Hint } from './hint'
import type { HintProps } from './hint'
import { Label } from './label'
import type { LabelProps } from './label'
import type { Attributes, CommonOptions, Content } from './shared'
import { attrs, content, cx, describedBy as joinIds, hasContent } from './shared'

/** A prefix or suffix shown next to the input (`£`, `kg`). */
export interface InputAffix extends Content {
  classes?: string
  attributes?: Attributes
}

/** The form group wrapping a field, with optional content before and after the field. */
export interface InputFormGroup extends CommonOptions {
  beforeInput?: Content
  afterInput?: Content
}

export interface InputProps extends CommonOptions {
  id?: string
  name: string
  type?: string
  inputmode?: string
  value?: string | number
  disabled?: boolean
  describedBy?: string
  label?: Omit<LabelProps, 'for'>
  hint?: Omit<HintProps, 'id'> | false | null
  errorMessage?: Omit<ErrorMessageProps, 'id'> | false | null
  prefix?: InputAffix
  suffix?: InputAffix
  formGroup?: InputFormGroup
  autocomplete?: string
  pattern?: string
  spellcheck?: boolean
  autocapitalize?: string
  inputWrapper?: CommonOptions
}

function Affix({ affix, type }: { affix: InputAffix; type: 'prefix' | 'suffix' }) {
  return (
    <div {...attrs(affix.attributes)} className={cx(`govuk-input__${type}`, affix.classes)} aria-hidden="true">
      {content(affix.html, affix.text)}
    </div>
  )
}

/** GOV.UK text input with its label, hint and error message; mirrors the govukInput macro. */
export function Input(props: InputProps) {
  const { name, label, hint, errorMessage, prefix, suffix, formGroup, inputWrapper } = props
  const id = props.id || name
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errorMessage ? `${id}-error` : undefined

  const input = (
    <input
      {...attrs(props.attributes, {
        spellCheck: typeof props.spellcheck === 'boolean' ? String(props.spellcheck) : undefined,
        defaultValue: props.value ?? undefined,
        disabled: props.disabled || undefined,
        'aria-describedby': joinIds(props.describedBy, hintId, errorId),
        autoComplete: props.autocomplete || undefined,
        autoCapitalize: props.autocapitalize || undefined,
        pattern: props.pattern || undefined,
        inputMode: props.inputmode || undefined,
      })}
      className={cx('govuk-input', props.classes, errorMessage && 'govuk-input--error')}
      id={id}
      name={name}
      type={props.type || 'text'}
    />
  )
  const before = formGroup?.beforeInput
  const after = formGroup?.afterInput
  const wrapped = hasContent(prefix) || hasContent(suffix) || hasContent(before) || hasContent(after)

  return (
    <div {...attrs(formGroup?.attributes)} className={cx('govuk-form-group', errorMessage && 'govuk-form-group--error', formGroup?.classes)}>
      <Label {...label} for={id} />
      {hint ? <Hint {...hint} id={hintId} /> : null}
      {errorMessage ? <ErrorMessage {...errorMessage} id={errorId} /> : null}
      {wrapped ? (
        <div {...attrs(inputWrapper?.attributes)} className={cx('govuk-input__wrapper', inputWrapper?.classes)}>
          {hasContent(before) ? content(before.html, before.text) : null}
          {hasContent(prefix) ? <Affix affix={prefix} type="prefix" /> : null}
          {input}
          {hasContent(suffix) ? <Affix affix={suffix} type="suffix" /> : null}
          {hasContent(after) ? content(after.html, after.text) : null}
        </div>
      ) : (
        input
      )}
    </div>
  )
}
