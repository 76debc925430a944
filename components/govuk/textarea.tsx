import { ErrorMessage } from './error-message'
import type { ErrorMessageProps } from './error-message'
import { Hint } from './hint'
import type { HintProps } from './hint'
import type { InputFormGroup } from './input'
import { Label } from './label'
import type { LabelProps } from './label'
import type { CommonOptions } from './shared'
import { attrs, content, cx, describedBy as joinIds, hasContent } from './shared'

export interface TextareaProps extends CommonOptions {
  id?: string
  name: string
  rows?: number
  value?: string
  disabled?: boolean
  describedBy?: string
  label?: Omit<LabelProps, 'for'>
  hint?: Omit<HintProps, 'id'> | false | null
  errorMessage?: Omit<ErrorMessageProps, 'id'> | false | null
  formGroup?: InputFormGroup
  autocomplete?: string
  spellcheck?: boolean
}

/** GOV.UK textarea with its label, hint and error message; mirrors the govukTextarea macro. */
export function Textarea(props: TextareaProps) {
  const { name, label, hint, errorMessage, formGroup } = props
  const id = props.id || name
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errorMessage ? `${id}-error` : undefined
  const before = formGroup?.beforeInput
  const after = formGroup?.afterInput
  return (
    <div {...attrs(formGroup?.attributes)} className={cx('govuk-form-group', errorMessage && 'govuk-form-group--error', formGroup?.classes)}>
      <Label {...label} for={id} />
      {hint ? <Hint {...hint} id={hintId} /> : null}
      {errorMessage ? <ErrorMessage {...errorMessage} id={errorId} /> : null}
      {hasContent(before) ? content(before.html, before.text) : null}
      <textarea
        {...attrs(props.attributes, {
          spellCheck: typeof props.spellcheck === 'boolean' ? String(props.spellcheck) : undefined,
          disabled: props.disabled || undefined,
          'aria-describedby': joinIds(props.describedBy, hintId, errorId),
          autoComplete: props.autocomplete || undefined,
          defaultValue: props.value ?? undefined,
        })}
        className={cx('govuk-textarea', errorMessage && 'govuk-textarea--error', props.classes)}
        id={id}
        name={name}
        rows={props.rows || 5}
      />
      {hasContent(after) ? content(after.html, after.text) : null}
    </div>
  )
}
