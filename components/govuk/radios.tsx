import { FieldsetFormGroup } from './fieldset-form-group'
import type { ReactNode } from 'react'
import type { ErrorMessageProps } from './error-message'
import type { FieldsetProps } from './fieldset'
import { Hint } from './hint'
import type { HintProps } from './hint'
import { Label } from './label'
import type { Attributes, CommonOptions, Content, Items } from './shared'
import { attrs, cx, hasContent, present } from './shared'

/** One radio button, or a divider ("or") between them. */
export interface RadiosItem extends Content {
  id?: string
  value?: string | number
  label?: CommonOptions
  hint?: Omit<HintProps, 'id'>
  /** Text of a divider shown instead of a radio button. */
  divider?: string
  checked?: boolean
  /** Content revealed while this radio button is selected. */
  conditional?: { html?: ReactNode }
  disabled?: boolean
  attributes?: Attributes
}

export interface RadiosProps extends CommonOptions {
  name: string
  /** Prefix for the radio ids (the name by default); the first id has no `-1` suffix. */
  idPrefix?: string
  items: Items<RadiosItem>
  /** The value of the radio button to select (unless that item sets `checked: false`). */
  value?: string | number
  fieldset?: Omit<FieldsetProps, 'role' | 'html' | 'children'> | false | null
  hint?: Omit<HintProps, 'id'> | false | null
  errorMessage?: Omit<ErrorMessageProps, 'id'> | false | null
  formGroup?: CommonOptions & { beforeInputs?: Content; afterInputs?: Content }
}

function Radio({ item, itemId, name, checked }: { item: RadiosItem; itemId: string; name: string; checked: boolean }) {
  const conditionalId = `conditional-${itemId}`
  const hasHint = hasContent(item.hint)
  const itemHintId = `${itemId}-item-hint`
  const conditional = present(item.conditional?.html)
  return (
    <>
      <div className="govuk-radios__item">
        <input
          {...attrs(item.attributes, {
            defaultChecked: checked || undefined,
            disabled: item.disabled || undefined,
            'data-aria-controls': conditional ? conditionalId : undefined,
            'aria-describedby': hasHint ? itemHintId : undefined,
          })}
          className="govuk-radios__input"
          id={itemId}
          name={name}
          type="radio"
          defaultValue={item.value ?? ''}
        />
        <Label
          html={item.html}
          text={item.text}
          classes={cx('govuk-radios__label', item.label?.classes)}
          attributes={item.label?.attributes}
          for={itemId}
        />
        {hasHint ? <Hint {...item.hint} id={itemHintId} classes={cx('govuk-radios__hint', item.hint?.classes)} /> : null}
      </div>
      {conditional ? (
        <div className={cx('govuk-radios__conditional', !checked && 'govuk-radios__conditional--hidden')} id={conditionalId}>
          {item.conditional?.html}
        </div>
      ) : null}
    </>
  )
}

/** GOV.UK radio buttons with their fieldset, hint and error message; mirrors the govukRadios macro. */
export function Radios(props: RadiosProps) {
  const { name, items, value, fieldset, hint, errorMessage, formGroup } = props
  const idPrefix = props.idPrefix || name

  const renderItem = (item: RadiosItem | null | undefined | false | '', index: number) => {
    if (!item) return null
    if (item.divider) {
      return (
        <div className="govuk-radios__divider" key={index}>
          {item.divider}
        </div>
      )
    }
    // The first id has no number suffix, so the error summary can link to it.
    const itemId = item.id || (index > 0 ? `${idPrefix}-${index + 1}` : idPrefix)
    // Loose equality as in the template, so a value of 3 selects the item with value '3'.
    const checked = item.checked || (Boolean(value) && item.value == value && item.checked !== false)
    return <Radio key={index} item={item} itemId={itemId} name={name} checked={Boolean(checked)} />
  }

  return (
    <FieldsetFormGroup
      id={idPrefix}
      hint={hint}
      errorMessage={errorMessage}
      fieldset={fieldset}
      formGroup={formGroup}
      container={(inputs) => (
        <div {...attrs(props.attributes)} className={cx('govuk-radios', props.classes)} data-module="govuk-radios">
          {inputs}
        </div>
      )}
    >
      {items.map(renderItem)}
    </FieldsetFormGroup>
  )
}
