import type { ReactNode } from 'react'
import type { CommonOptions } from './shared'
import { attrs, cx, present } from './shared'

export interface ButtonProps extends CommonOptions {
  text?: string
  html?: ReactNode
  /** `submit` (the default), `button` or `reset`; ignored for links. */
  type?: 'submit' | 'button' | 'reset'
  name?: string
  value?: string
  disabled?: boolean
  /** Renders an `<a role="button">` instead of a `<button>`. */
  href?: string
  preventDoubleClick?: boolean
  isStartButton?: boolean
  id?: string
}

function StartIcon() {
  return (
    <svg
      className="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  )
}

/** GOV.UK button, or a link styled as a button when `href` is set; mirrors the govukButton macro. */
export function Button(props: ButtonProps) {
  const { text, html, type, name, value, disabled, href, preventDoubleClick, isStartButton, id, attributes } = props
  const className = cx('govuk-button', props.classes, isStartButton && 'govuk-button--start')
  // Start buttons use flexbox, which drops whitespace between elements, so their HTML is wrapped.
  const label = present(html) ? isStartButton ? <span>{html}</span> : html : text
  const icon = isStartButton ? <StartIcon /> : null

  if (href) {
    return (
      <a {...attrs(attributes, { id: id || undefined })} href={href} role="button" draggable="false" className={className} data-module="govuk-button">
        {label}
        {icon}
      </a>
    )
  }
  const optional = {
    id: id || undefined,
    value: value || undefined,
    name: name || undefined,
    disabled: disabled || undefined,
    'aria-disabled': disabled ? 'true' : undefined,
    'data-prevent-double-click': preventDoubleClick === undefined ? undefined : String(preventDoubleClick),
  }
  return (
    <button {...attrs(attributes, optional)} type={type || 'submit'} className={className} data-module="govuk-button">
      {label}
      {icon}
    </button>
  )
}
