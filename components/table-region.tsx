import { Table, type TableProps } from './govuk/table'

type Props = TableProps & {
  /** The table's caption, which also names its region for screen readers (it may be visually hidden). */
  caption: string
}

/**
 * A GOV.UK table that scrolls sideways inside its own region when it is wider than the screen (a phone, or
 * text made larger), so the page itself never does (WCAG 1.4.10 Reflow). The region is focusable, so keyboard
 * users can scroll it with the arrow keys, and named after the table (docs/decisions/0016).
 */
export function TableRegion(props: Props) {
  return (
    <section className="app-table-region" aria-label={props.caption} tabIndex={0}>
      <Table {...props} />
    </section>
  )
}
