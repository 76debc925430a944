import { Button } from './button'
import { Input } from './input'
import type { InputFormGroup, InputProps } from './input'
import type { Attributes } from './shared'
import { content, cx, hasContent } from './shared'

export interface PasswordInputProps extends Pick<
  InputProps,
  'id' | 'name' | 'value' | 'disabled' | 'describedBy' | 'label' | 'hint' | 'errorMessage' | 'classes' | 'autocomplete' | 'attributes'
> {
  formGroup?: InputFormGroup
  showPasswordText?: string
  hidePasswordText?: string
  showPasswordAriaLabelText?: string
  hidePasswordAriaLabelText?: string
  passwordShownAnnouncementText?: string
  passwordHiddenAnnouncementText?: string
  button?: { classes?: string }
}

/** GOV.UK password input with a show/hide toggle button; mirrors the govukPasswordInput macro. */
export function PasswordInput(props: PasswordInputProps) {
  const { formGroup, button } = props
  const id = props.id || props.name
  const translations: Record<string, string | undefined> = {
    'show-password': props.showPasswordText,
    'hide-password': props.hidePasswordText,
    'show-password-aria-label': props.showPasswordAriaLabelText,
    'hide-password-aria-label': props.hidePasswordAriaLabelText,
    'password-shown-announcement': props.passwordShownAnnouncementText,
    'password-hidden-announcement': props.passwordHiddenAnnouncementText,
  }
  const formGroupAttributes: Attributes = { 'data-module': 'govuk-password-input' }
  for (const [key, message] of Object.entries(translations)) {
    if (message) formGroupAttributes[`data-i18n.${key}`] = message
  }
  Object.assign(formGroupAttributes, formGroup?.attributes)

  const after = formGroup?.afterInput
  const afterInput = (
    <>
      <Button
        type="button"
        classes={cx('govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle', button?.classes)}
        text={props.showPasswordText ?? 'Show'}
        attributes={{
          'aria-controls': id,
          'aria-label': props.showPasswordAriaLabelText ?? 'Show password',
          hidden: { value: true, optional: true },
        }}
      />
      {hasContent(after) ? content(after.html, after.text) : null}
    </>
  )

  return (
    <Input
      formGroup={{
        classes: cx('govuk-password-input', formGroup?.classes),
        attributes: formGroupAttributes,
        beforeInput: formGroup?.beforeInput,
        afterInput: { html: afterInput },
      }}
      inputWrapper={{ classes: 'govuk-password-input__wrapper' }}
      label={props.label}
      hint={props.hint}
      classes={cx('govuk-password-input__input govuk-js-password-input-input', props.classes)}
      errorMessage={props.errorMessage}
      id={id}
      name={props.name}
      type="password"
      spellcheck={false}
      autocapitalize="none"
      autocomplete={props.autocomplete || 'current-password'}
      value={props.value}
      disabled={props.disabled}
      describedBy={props.describedBy}
      attributes={props.attributes}
    />
  )
}
