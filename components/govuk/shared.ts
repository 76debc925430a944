import type { ReactNode } from 'react'

/** A plain attribute value, rendered as ` name="value"` like the govukAttributes macro does. */
export type AttributeValue = string | number | boolean | null | undefined

/**
 * Extra HTML attributes, as in the macros' `attributes` option. A value may also be
 * `{ value, optional: true }`: then empty values are left out and `true` renders a bare attribute.
 */
export type Attributes = Record<string, AttributeValue | { value: AttributeValue; optional?: boolean }>

/** Options that nearly every component takes. */
export interface CommonOptions {
  classes?: string
  attributes?: Attributes
}

/** Text or HTML content, as in the macros' `text` / `html` pair (`html` wins when present). */
export interface Content {
  text?: string | number
  html?: ReactNode
}

/** Heading levels accepted by `headingLevel`-style options. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6

/** An array option that, like the templates, tolerates falsy entries (they are skipped). */
export type Items<T> = ReadonlyArray<T | null | undefined | false | ''>

/** Nunjucks truthiness for content: `undefined`, `null`, `false`, `''`, `0` and `[]` count as absent. */
export function present(node: unknown): boolean {
  if (Array.isArray(node)) return node.length > 0
  return Boolean(node) && node !== true
}

/** The `html if html else text` choice the templates make everywhere. */
export function content(html: ReactNode, text: string | number | undefined | null): ReactNode {
  return present(html) ? html : text
}

/** Whether a text/html pair has anything to show (`text or html` in the templates). */
export function hasContent(value: Content | null | undefined | false): value is Content {
  return Boolean(value) && (present(value && value.html) || present(value && value.text))
}

/** Joins class names, dropping empty ones; `undefined` when nothing is left. */
export function cx(...classes: Array<string | false | null | undefined>): string | undefined {
  const joined = classes.filter(Boolean).join(' ')
  return joined || undefined
}

/** Joins element ids for `aria-describedby`, dropping empty ones; `undefined` when nothing is left. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  return cx(...ids)
}

/** Drops falsy entries from an items array, as the templates' `{% if item %}` guards do. */
export function truthy<T>(items: Items<T> | null | undefined): T[] {
  return (items ?? []).filter((item): item is T => Boolean(item))
}

/** Renders the text of `{{ name | capitalize }}`: first letter upper case, the rest lower case. */
export function capitalize(value: string): string {
  const lower = value.toLowerCase()
  return lower.charAt(0).toUpperCase() + lower.slice(1)
}

// HTML attribute names that React spells differently.
const reactNames: Record<string, string> = {
  class: 'className',
  for: 'htmlFor',
  tabindex: 'tabIndex',
  readonly: 'readOnly',
  maxlength: 'maxLength',
  minlength: 'minLength',
  autocomplete: 'autoComplete',
  autocapitalize: 'autoCapitalize',
  autofocus: 'autoFocus',
  inputmode: 'inputMode',
  enterkeyhint: 'enterKeyHint',
  spellcheck: 'spellCheck',
  accesskey: 'accessKey',
  contenteditable: 'contentEditable',
  crossorigin: 'crossOrigin',
  colspan: 'colSpan',
  rowspan: 'rowSpan',
  formaction: 'formAction',
  formenctype: 'formEncType',
  formmethod: 'formMethod',
  formnovalidate: 'formNoValidate',
  formtarget: 'formTarget',
  novalidate: 'noValidate',
  hreflang: 'hrefLang',
  srcset: 'srcSet',
  referrerpolicy: 'referrerPolicy',
  'accept-charset': 'acceptCharset',
  'http-equiv': 'httpEquiv',
}

// Attributes React only renders from a boolean `true` (a string would not give a bare attribute).
const booleanProps = new Set([
  'allowFullScreen',
  'async',
  'autoFocus',
  'autoPlay',
  'checked',
  'controls',
  'default',
  'defer',
  'disabled',
  'formNoValidate',
  'hidden',
  'inert',
  'loop',
  'multiple',
  'muted',
  'noModule',
  'noValidate',
  'open',
  'playsInline',
  'readOnly',
  'required',
  'reversed',
  'selected',
  'itemScope',
])

function isOptionObject(item: unknown): item is { value: AttributeValue; optional?: boolean } {
  return typeof item === 'object' && item !== null
}

function styleObject(style: string): Record<string, string> {
  const entries = style
    .split(';')
    .map((rule) => rule.split(':'))
    .filter((pair): pair is [string, string, ...string[]] => pair.length >= 2 && Boolean(pair[0]?.trim()))
    .map(([name, ...value]): [string, string] => [
      name.trim().startsWith('--') ? name.trim() : name.trim().replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
      value.join(':').trim(),
    ])
  return Object.fromEntries(entries)
}

/**
 * Props to spread for an `attributes` option: the React version of the govukAttributes macro.
 * `own` holds the component's optional attributes; those left `undefined` do not clobber `attributes`.
 */
export function attrs(attributes: Attributes | null | undefined, own: Record<string, unknown> = {}): Record<string, unknown> {
  const props: Record<string, unknown> = {}
  for (const [name, item] of Object.entries(attributes ?? {})) {
    const { value, optional } = isOptionObject(item) ? item : { value: item, optional: false }
    const prop = reactNames[name.toLowerCase()] ?? name
    if (optional === true && value === true) {
      props[prop] = booleanProps.has(prop) ? true : ''
    } else if (optional !== true || (value !== undefined && value !== null && value !== false)) {
      const text = value === undefined || value === null ? '' : String(value)
      props[prop] = prop === 'style' ? styleObject(text) : booleanProps.has(prop) ? true : text
    }
  }
  for (const [name, value] of Object.entries(own)) {
    if (value !== undefined) props[name] = value
  }
  return props
}
