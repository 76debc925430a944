/**
 * Checks every component in this folder against the fixtures govuk-frontend publishes for its Nunjucks
 * macro: the fixture's `options` become props (HTML strings under `html` / `*Html` keys, and service
 * navigation's `slots`, become React nodes via html-react-parser), the component is rendered to static
 * markup, and both sides are compared as normalised parse5 trees, then as the text a reader meets.
 * Run with `npx vitest run --project unit components/govuk`.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import parseHtml from 'html-react-parser'
import { parseFragment } from 'parse5'
import type { DefaultTreeAdapterTypes } from 'parse5'
import { createElement } from 'react'
import type { ComponentType, ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Button } from './button'
import { DateInput } from './date-input'
import { Details } from './details'
import { ErrorMessage } from './error-message'
import { ErrorSummary } from './error-summary'
import { Fieldset } from './fieldset'
import { Footer } from './footer'
import { GenericHeader } from './generic-header'
import { Header } from './header'
import { Hint } from './hint'
import { Input } from './input'
import { InsetText } from './inset-text'
import { Label } from './label'
import { NotificationBanner } from './notification-banner'
import { Pagination } from './pagination'
import { Panel } from './panel'
import { PasswordInput } from './password-input'
import { PhaseBanner } from './phase-banner'
import { Radios } from './radios'
import { ServiceNavigation } from './service-navigation'
import { SkipLink } from './skip-link'
import { SummaryList } from './summary-list'
import { Table } from './table'
import { Tag } from './tag'
import { Textarea } from './textarea'
import { WarningText } from './warning-text'

// ---------------------------------------------------------------------------------------------
// Which macro options each component supports, as deep option paths (`items[].label.classes`).
// A fixture is checked when every option path it uses is listed here.

const common = ['classes', 'attributes']
const content = ['text', 'html']
/** `prefix` itself plus `prefix.key` for each key. */
const under = (prefix: string, keys: string[]) => [prefix, ...keys.map((key) => `${prefix}.${key}`)]
/** The same for array options: `items` plus `items[].key`. */
const each = (prefix: string, keys: string[]) => [prefix, ...keys.map((key) => `${prefix}[].${key}`)]

const label = [...content, 'for', 'isPageHeading', ...common]
const hint = ['id', ...content, ...common]
const errorMessage = ['id', ...content, 'visuallyHiddenText', ...common]
const legend = [...content, 'classes', 'isPageHeading']
const fieldset = ['describedBy', ...under('legend', legend), 'role', 'html', ...common]
const formGroupInputs = [...common, ...under('beforeInputs', content), ...under('afterInputs', content)]
const inputFormGroup = [...common, ...under('beforeInput', content), ...under('afterInput', content)]
const affix = [...content, ...common]
const dateItem = ['id', 'name', 'label', 'value', 'error', 'autocomplete', 'pattern', 'inputmode', ...common]
const summaryActions = [...each('items', ['href', ...content, 'visuallyHiddenText', ...common]), 'classes']
const tableCell = [...content, 'format', 'classes', 'colspan', 'rowspan', 'attributes']
const footerLink = ['text', 'href', 'attributes']

interface Spec {
  /** Folder name of the component in govuk-frontend (and of our file). */
  name: string
  component: (props: never) => ReactNode
  options: string[]
  /** The fewest fixtures that must be checked: fixtures are never dropped silently. */
  minChecked: number
  /** Options whose value is a free-form record (not walked into); `attributes` always is. */
  records?: string[]
  /** Option paths, besides `html` / `*Html` keys, whose string values are HTML. */
  htmlPaths?: string[]
}

const specs: Spec[] = [
  {
    name: 'button',
    component: Button,
    minChecked: 38,
    options: [...content, 'type', 'name', 'value', 'disabled', 'href', 'preventDoubleClick', 'isStartButton', 'id', ...common],
  },
  {
    name: 'date-input',
    component: DateInput,
    minChecked: 50,
    records: ['values'],
    options: [
      'id',
      'namePrefix',
      ...each('items', dateItem),
      ...under('day', dateItem),
      ...under('month', dateItem),
      ...under('year', dateItem),
      'values',
      ...under('hint', hint),
      ...under('errorMessage', errorMessage),
      ...under('formGroup', formGroupInputs),
      ...under('fieldset', fieldset),
      ...common,
    ],
  },
  { name: 'details', component: Details, minChecked: 10, options: ['summaryText', 'summaryHtml', ...content, 'id', 'open', ...common] },
  { name: 'error-message', component: ErrorMessage, minChecked: 9, options: errorMessage },
  {
    name: 'error-summary',
    component: ErrorSummary,
    minChecked: 19,
    options: [
      'titleText',
      'titleHtml',
      'descriptionText',
      'descriptionHtml',
      ...each('errorList', ['href', ...content, 'attributes']),
      'disableAutoFocus',
      ...common,
    ],
  },
  { name: 'fieldset', component: Fieldset, minChecked: 18, options: fieldset },
  {
    name: 'footer',
    component: Footer,
    minChecked: 25,
    options: [
      ...under('meta', ['visuallyHiddenTitle', ...content, ...each('items', footerLink)]),
      ...each('navigation', ['title', 'columns', 'width', ...each('items', footerLink)]),
      ...under('contentLicence', content),
      ...under('copyright', content),
      'containerClasses',
      ...common,
    ],
  },
  { name: 'generic-header', component: GenericHeader, minChecked: 7, options: ['url', 'logoText', 'logoHtml', 'containerClasses', ...common] },
  { name: 'header', component: Header, minChecked: 6, options: ['homepageUrl', 'productName', 'containerClasses', ...common] },
  { name: 'hint', component: Hint, minChecked: 6, options: hint },
  {
    name: 'textarea',
    component: Textarea,
    minChecked: 10,
    options: [
      'id',
      'name',
      'rows',
      'value',
      'disabled',
      'describedBy',
      ...under('label', label),
      ...under('hint', hint),
      ...under('errorMessage', errorMessage),
      ...under('formGroup', inputFormGroup),
      'autocomplete',
      'spellcheck',
      ...common,
    ],
  },
  {
    name: 'input',
    component: Input,
    minChecked: 45,
    options: [
      'id',
      'name',
      'type',
      'inputmode',
      'value',
      'disabled',
      'describedBy',
      ...under('label', label),
      ...under('hint', hint),
      ...under('errorMessage', errorMessage),
      ...under('prefix', affix),
      ...under('suffix', affix),
      ...under('formGroup', inputFormGroup),
      'autocomplete',
      'pattern',
      'spellcheck',
      'autocapitalize',
      ...under('inputWrapper', common),
      ...common,
    ],
  },
  { name: 'inset-text', component: InsetText, minChecked: 6, options: [...content, 'id', ...common] },
  { name: 'label', component: Label, minChecked: 17, options: label },
  {
    name: 'notification-banner',
    component: NotificationBanner,
    minChecked: 21,
    options: [...content, 'titleText', 'titleHtml', 'titleHeadingLevel', 'type', 'role', 'titleId', 'disableAutoFocus', ...common],
  },
  {
    name: 'pagination',
    component: Pagination,
    minChecked: 15,
    options: [
      ...each('items', ['number', 'visuallyHiddenText', 'href', 'current', 'ellipsis', 'attributes']),
      ...under('previous', [...content, 'labelText', 'href', 'attributes']),
      ...under('next', [...content, 'labelText', 'href', 'attributes']),
      'landmarkLabel',
      ...common,
    ],
  },
  {
    name: 'panel',
    component: Panel,
    minChecked: 19,
    options: [
      'titleText',
      'titleHtml',
      'headingLevel',
      ...content,
      ...under('actions', [...each('items', ['text', 'type', 'href', ...common]), ...common]),
      ...common,
    ],
  },
  {
    name: 'password-input',
    component: PasswordInput,
    minChecked: 12,
    options: [
      'id',
      'name',
      'value',
      'disabled',
      'describedBy',
      ...under('label', label),
      ...under('hint', hint),
      ...under('errorMessage', errorMessage),
      ...under('formGroup', inputFormGroup),
      'autocomplete',
      'showPasswordText',
      'hidePasswordText',
      'showPasswordAriaLabelText',
      'hidePasswordAriaLabelText',
      'passwordShownAnnouncementText',
      'passwordHiddenAnnouncementText',
      ...under('button', ['classes']),
      ...common,
    ],
  },
  { name: 'phase-banner', component: PhaseBanner, minChecked: 7, options: [...content, ...under('tag', [...content, 'classes']), ...common] },
  {
    name: 'radios',
    component: Radios,
    minChecked: 43,
    options: [
      ...under('fieldset', fieldset),
      ...under('hint', hint),
      ...under('errorMessage', errorMessage),
      ...under('formGroup', formGroupInputs),
      'idPrefix',
      'name',
      ...each('items', [
        ...content,
        'id',
        'value',
        ...under('label', common),
        ...under('hint', hint),
        'divider',
        'checked',
        ...under('conditional', ['html']),
        'disabled',
        'attributes',
      ]),
      'value',
      ...common,
    ],
  },
  {
    name: 'service-navigation',
    component: ServiceNavigation,
    minChecked: 33,
    htmlPaths: ['slots.start', 'slots.end', 'slots.navigationStart', 'slots.navigationEnd'],
    options: [
      'ariaLabel',
      'menuButtonText',
      'menuButtonLabel',
      'navigationLabel',
      'navigationId',
      'navigationClasses',
      'collapseNavigationOnMobile',
      'serviceName',
      'serviceUrl',
      ...each('navigation', ['current', 'active', ...content, 'href', 'attributes']),
      ...under('slots', ['start', ...under('end', ['html', 'align']), 'navigationStart', 'navigationEnd']),
      ...common,
    ],
  },
  { name: 'skip-link', component: SkipLink, minChecked: 9, options: [...content, 'href', ...common] },
  {
    name: 'summary-list',
    component: SummaryList,
    minChecked: 30,
    options: [
      ...each('rows', [
        'classes',
        ...under('key', [...content, 'classes']),
        ...under('value', [...content, 'classes']),
        ...under('actions', summaryActions),
      ]),
      ...under('card', [...under('title', [...content, 'headingLevel', 'classes']), ...under('actions', summaryActions), ...common]),
      ...common,
    ],
  },
  {
    name: 'table',
    component: Table,
    minChecked: 21,
    options: [
      ...each('rows', []),
      ...tableCell.map((key) => `rows[][].${key}`),
      ...each('head', tableCell),
      'caption',
      'captionClasses',
      'firstCellIsHeader',
      ...common,
    ],
  },
  { name: 'tag', component: Tag, minChecked: 12, options: [...content, ...common] },
  { name: 'warning-text', component: WarningText, minChecked: 8, options: [...content, 'iconFallbackText', ...common] },
]

// ---------------------------------------------------------------------------------------------
// Fixtures and options

interface Fixture {
  name: string
  options: Record<string, unknown>
  html: string
  hidden?: boolean
}

const componentsDir = fileURLToPath(new URL('../../node_modules/govuk-frontend/dist/govuk/components/', import.meta.url))

function loadFixtures(name: string): Fixture[] {
  const file = JSON.parse(readFileSync(`${componentsDir}${name}/fixtures.json`, 'utf8')) as { fixtures: Fixture[] }
  return file.fixtures
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Every option path a fixture uses, such as `items`, `items[].label` and `items[].label.classes`. */
function optionPaths(value: unknown, records: Set<string>, path = '', found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) optionPaths(item, records, `${path}[]`, found)
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      const keyPath = path ? `${path}.${key}` : key
      found.add(keyPath)
      if (key !== 'attributes' && !records.has(keyPath)) optionPaths(item, records, keyPath, found)
    }
  }
  return found
}

/** Turns macro options into props: HTML strings (`html`, `*Html` and `htmlPaths`) become React nodes. */
function toProps(value: unknown, htmlPaths: Set<string>, path = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => toProps(item, htmlPaths, `${path}[]`))
  if (!isRecord(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const keyPath = path ? `${path}.${key}` : key
      if (key === 'attributes') return [key, item]
      const isHtml = key === 'html' || key.endsWith('Html') || htmlPaths.has(keyPath)
      if (isHtml && typeof item === 'string' && item !== '') return [key, parseHtml(item)]
      return [key, toProps(item, htmlPaths, keyPath)]
    }),
  )
}

function render(spec: Spec, options: Record<string, unknown>): string {
  const props = toProps(options, new Set(spec.htmlPaths)) as Record<string, unknown>
  const component = spec.component as unknown as ComponentType<Record<string, unknown>>
  return renderToStaticMarkup(createElement(component, props))
}

// ---------------------------------------------------------------------------------------------
// Normalising markup: one line per element (attributes sorted, class tokens in order, style
// declarations tidied) or text node (whitespace collapsed and trimmed), indented by depth;
// comments and blank text are dropped.

type ChildNode = DefaultTreeAdapterTypes.ChildNode

/** `white-space: nowrap;` and React's `white-space:nowrap` are the same declarations. */
const normaliseStyle = (style: string) =>
  style
    .split(';')
    .map((declaration) =>
      declaration
        .split(':')
        .map((part) => part.trim())
        .join(':'),
    )
    .filter(Boolean)
    .join(';')

function normaliseNode(node: ChildNode, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth)
  if (node.nodeName === '#text' && 'value' in node) {
    const text = node.value.replace(/[ \t\n\r\f]+/g, ' ').trim()
    if (text) lines.push(`${indent}${JSON.stringify(text)}`)
    return
  }
  if (!('tagName' in node)) return // comments and doctypes
  const attributes = node.attrs
    .map(({ name, value, prefix }) => {
      const attribute = prefix ? `${prefix}:${name}` : name
      const normalised =
        name === 'class'
          ? value
              .trim()
              .split(/[ \t\n\r\f]+/)
              .join(' ')
          : name === 'style'
            ? normaliseStyle(value)
            : value
      return `${attribute}=${JSON.stringify(normalised)}`
    })
    .sort()
  lines.push(`${indent}<${[node.tagName, ...attributes].join(' ')}>`)
  const children = 'content' in node ? node.content.childNodes : node.childNodes
  for (const child of children) normaliseNode(child, depth + 1, lines)
}

function normaliseHtml(html: string): string {
  const lines: string[] = []
  for (const node of parseFragment(html).childNodes) normaliseNode(node, 0, lines)
  return lines.join('\n')
}

/**
 * The text a reader meets, one line per block: catches lost spaces between inline content
 * (`Change<span> name</span>`, `Error:</span> Enter…`) that trimming each text node cannot see. A textarea's
 * value sits in its own box, never in a line with the label, so it counts as a block.
 */
const blockElements = new Set(
  'address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary table tbody td textarea tfoot th thead tr ul'.split(
    ' ',
  ),
)

function textFlow(html: string): string {
  const parts: string[] = []
  const visit = (node: ChildNode) => {
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value.replace(/[ \t\n\r\f]+/g, ' '))
    if (!('tagName' in node)) return
    const block = blockElements.has(node.tagName)
    if (block) parts.push('\0')
    for (const child of 'content' in node ? node.content.childNodes : node.childNodes) visit(child)
    if (block) parts.push('\0')
  }
  for (const node of parseFragment(html).childNodes) visit(node)
  return parts
    .join('')
    .replace(/ +/g, ' ')
    .replace(/ ?\0[ \0]*/g, '\n')
    .trim()
}

// ---------------------------------------------------------------------------------------------

describe('normaliseHtml', () => {
  it('ignores attribute order, comments and layout whitespace but not class order or text', () => {
    const a = '<p class="a  b" id="x">\n  Hello   <b>world</b> <!-- note -->\n</p>'
    expect(normaliseHtml(a)).toBe(normaliseHtml('<p id="x" class="a b">Hello <b>world</b></p>'))
    expect(normaliseHtml(a)).not.toBe(normaliseHtml('<p id="x" class="b a">Hello <b>world</b></p>'))
    expect(normaliseHtml(a)).not.toBe(normaliseHtml('<p id="x" class="a b">Hello <i>world</i></p>'))
  })
})

describe.each(specs)('$name', (spec) => {
  const supported = new Set(spec.options)
  const fixtures = loadFixtures(spec.name).map((fixture) => {
    const unsupported = [...optionPaths(fixture.options, new Set(spec.records))].filter((path) => !supported.has(path))
    return { ...fixture, unsupported }
  })
  const checked = fixtures.filter((fixture) => fixture.unsupported.length === 0)
  const unchecked = fixtures.filter((fixture) => fixture.unsupported.length > 0)

  it(`checks at least ${spec.minChecked} of ${fixtures.length} fixtures`, () => {
    if (unchecked.length) {
      const reasons = unchecked.map((fixture) => `  ${fixture.name}: unsupported ${fixture.unsupported.join(', ')}`)
      console.info(`${spec.name}: ${unchecked.length} fixture(s) not checked\n${reasons.join('\n')}`)
    }
    expect(checked.length).toBeGreaterThanOrEqual(spec.minChecked)
  })

  it.each(checked)('$name', (fixture) => {
    const html = render(spec, fixture.options)
    expect(normaliseHtml(html)).toBe(normaliseHtml(fixture.html))
    expect(textFlow(html)).toBe(textFlow(fixture.html))
  })
})
