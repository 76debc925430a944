import { FieldsetFormGroup } from './fieldset-form-group'
import type { ErrorMessageProps } from './error-message'
import type { FieldsetProps } from './fieldset'
import type { HintProps } from './hint'
import { Input } from './input'
import type { Attributes, CommonOptions, Content, Items } from './shared'
import { attrs, capitalize, cx, truthy } from './shared'

/** One of the day, month and year fields. */
export interface DateInputItem {
  id?: string
  /** Field name, prefixed with `namePrefix-` when that is set. */
  name?: string
  /** Label text; the capitalised name by default. */
  label?: string
  value?: string | number
  /** Highlights this field as having the error; `false` keeps it plain while `errorMessage` is set. */
  error?: boolean
  autocomplete?: string
  pattern?: string
  inputmode?: string
  classes?: string
  attributes?: Attributes
}

export interface DateInputProps extends CommonOptions {
  id: string
  namePrefix?: string
  /** Replaces the default day, month and year fields. */
  items?: Items<DateInputItem>
  /** Options for the default day field, or `false` to leave it out (likewise `month` and `year`). */
  day?: DateInputItem | false
  month?: DateInputItem | false
  year?: DateInputItem | false
  /** Field values keyed by (prefixed) name, such as `{ day: '31' }` or `{ 'dob-day': '31' }`. */
  values?: Record<string, string | number | undefined>
  hint?: Omit<HintProps, 'id'> | false | null
  errorMessage?: Omit<ErrorMessageProps, 'id'> | false | null
  formGroup?: CommonOptions & { beforeInputs?: Content; afterInputs?: Content }
  fieldset?: Omit<FieldsetProps, 'role' | 'html' | 'children'> | false | null
}

type Part = 'day' | 'month' | 'year'

const hasErrorClass = (item: DateInputItem) => Boolean(item.classes?.includes('govuk-input--error'))
const itemHasError = (item: DateInputItem) => Boolean(item.error) || hasErrorClass(item)

/** GOV.UK date input (day, month and year fields in a fieldset); mirrors the govukDateInput macro. */
export function DateInput(props: DateInputProps) {
  const { id, values = {}, hint, errorMessage, formGroup, fieldset } = props
  const defaults: Record<Part, DateInputItem | false> = {
    day: props.day ?? { name: 'day', value: values.day, classes: 'govuk-input--width-2' },
    month: props.month ?? { name: 'month', value: values.month, classes: 'govuk-input--width-2' },
    year: props.year ?? { name: 'year', value: values.year, classes: 'govuk-input--width-4' },
  }
  const items = truthy(props.items?.length ? props.items : [defaults.day, defaults.month, defaults.year])
  const anyItemHasError = items.some(itemHasError)
  const namePrefix = props.namePrefix ? `${props.namePrefix}-` : ''

  // Which default field an item stands for: the default itself, or an item named after it.
  const partOf = (item: DateInputItem): Part | undefined =>
    (['day', 'month', 'year'] as const).find((part) => {
      const fallback = defaults[part]
      return item === fallback || (item.name && (item.name === part || (fallback && item.name === fallback.name)))
    })

  const renderItem = (item: DateInputItem, index: number) => {
    const part = partOf(item)
    const fallback = part ? defaults[part] : false
    const name = item.name ?? part
    const value = item.value ?? (fallback ? fallback.value : undefined) ?? values[`${namePrefix}${name}`]
    // A field flagged with `error` is highlighted; with an error message but no flagged field, all are (except `error: false`).
    const error = !hasErrorClass(item) && (itemHasError(item) || (item.error !== false && Boolean(errorMessage) && !anyItemHasError))
    const width = item.classes?.includes('govuk-input--width-') ? undefined : `govuk-input--width-${part === 'year' ? 4 : 2}`
    return (
      <div className="govuk-date-input__item" key={index}>
        <Input
          label={{ text: item.label || capitalize(String(name)), classes: 'govuk-date-input__label' }}
          id={item.id || `${id}-${name}`}
          classes={cx('govuk-date-input__input', error && 'govuk-input--error', width, item.classes)}
          name={`${namePrefix}${name}`}
          value={value}
          type="text"
          inputmode={item.inputmode || 'numeric'}
          autocomplete={item.autocomplete}
          pattern={item.pattern}
          attributes={item.attributes}
        />
      </div>
    )
  }

  return (
    <FieldsetFormGroup
      id={id}
      hint={hint}
      errorMessage={errorMessage}
      fieldset={fieldset}
      // role="group" so that JAWS announces the description of a fieldset made of text inputs.
      role="group"
      formGroup={formGroup}
      container={(inputs) => (
        <div {...attrs(props.attributes, { id })} className={cx('govuk-date-input', props.classes)}>
          {inputs}
        </div>
      )}
    >
      {items.map(renderItem)}
    </FieldsetFormGroup>
  )
}
