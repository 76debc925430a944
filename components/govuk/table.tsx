import type { Attributes, CommonOptions, Content, Items } from './shared'
import { attrs, content, cx } from './shared'

/** A header or body cell. */
export interface TableCell extends Content {
  /** `numeric` right-aligns the cell. */
  format?: string
  classes?: string
  colspan?: number
  rowspan?: number
  attributes?: Attributes
}

export interface TableProps extends CommonOptions {
  rows: Items<ReadonlyArray<TableCell>>
  head?: ReadonlyArray<TableCell>
  caption?: string
  captionClasses?: string
  /** Renders the first cell of each row as a row header. */
  firstCellIsHeader?: boolean
}

const spans = (cell: TableCell) => ({ colSpan: cell.colspan || undefined, rowSpan: cell.rowspan || undefined })

/** GOV.UK table; mirrors the govukTable macro. */
export function Table({ rows, head, caption, captionClasses, firstCellIsHeader, classes, attributes }: TableProps) {
  return (
    <table {...attrs(attributes)} className={cx('govuk-table', classes)}>
      {caption ? <caption className={cx('govuk-table__caption', captionClasses)}>{caption}</caption> : null}
      {head ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((item, index) => (
              <th
                {...attrs(item.attributes, spans(item))}
                key={index}
                scope="col"
                className={cx('govuk-table__header', item.format && `govuk-table__header--${item.format}`, item.classes)}
              >
                {content(item.html, item.text)}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody className="govuk-table__body">
        {rows.map((row, rowIndex) =>
          row ? (
            <tr className="govuk-table__row" key={rowIndex}>
              {row.map((cell, index) =>
                index === 0 && firstCellIsHeader ? (
                  <th {...attrs(cell.attributes, spans(cell))} key={index} scope="row" className={cx('govuk-table__header', cell.classes)}>
                    {content(cell.html, cell.text)}
                  </th>
                ) : (
                  <td
                    {...attrs(cell.attributes, spans(cell))}
                    key={index}
                    className={cx('govuk-table__cell', cell.format && `govuk-table__cell--${cell.format}`, cell.classes)}
                  >
                    {content(cell.html, cell.text)}
                  </td>
                ),
              )}
            </tr>
          ) : null,
        )}
      </tbody>
    </table>
  )
}
