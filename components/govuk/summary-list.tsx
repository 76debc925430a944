import type { ReactNode } from 'react'
import type { Attributes, CommonOptions, Content, HeadingLevel, Items } from './shared'
import { attrs, content, cx, truthy } from './shared'

/** A "Change"-style action link. */
export interface SummaryListAction extends Content {
  href: string
  /** Visually hidden end of the link text, such as the row's key ("Change <name>"). */
  visuallyHiddenText?: string
  classes?: string
  attributes?: Attributes
}

export interface SummaryListActions {
  items?: Items<SummaryListAction>
  classes?: string
}

export interface SummaryListRow {
  classes?: string
  key: Content & { classes?: string }
  value: Content & { classes?: string }
  actions?: SummaryListActions
}

/** Options for showing the list as a summary card. */
export interface SummaryCard extends CommonOptions {
  title?: Content & { headingLevel?: HeadingLevel; classes?: string }
  actions?: SummaryListActions
}

export interface SummaryListProps extends CommonOptions {
  rows: Items<SummaryListRow>
  /** Wraps the list in a summary card with this title and these actions. */
  card?: SummaryCard
}

type CardTitle = SummaryCard['title']

function ActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle: CardTitle }) {
  return (
    <a {...attrs(action.attributes)} className={cx('govuk-link', action.classes)} href={action.href}>
      {content(action.html, action.text)}
      {action.visuallyHiddenText || cardTitle ? (
        <span className="govuk-visually-hidden">
          {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : null}
          {cardTitle ? <> ({content(cardTitle.html, cardTitle.text)})</> : null}
        </span>
      ) : null}
    </a>
  )
}

function Card({ card, children }: { card: SummaryCard; children: ReactNode }) {
  const { title, actions } = card
  const Heading = `h${title?.headingLevel || 2}` as `h${HeadingLevel}`
  const items = actions?.items ?? []
  return (
    <div {...attrs(card.attributes)} className={cx('govuk-summary-card', card.classes)}>
      <div className="govuk-summary-card__title-wrapper">
        {title ? <Heading className={cx('govuk-summary-card__title', title.classes)}>{content(title.html, title.text)}</Heading> : null}
        {items.length === 1 ? (
          <div className={cx('govuk-summary-card__actions', actions?.classes)}>
            {items[0] ? <ActionLink action={items[0]} cardTitle={title} /> : null}
          </div>
        ) : items.length > 1 ? (
          <ul className={cx('govuk-summary-card__actions', actions?.classes)}>
            {truthy(items).map((action, index) => (
              <li className="govuk-summary-card__action" key={index}>
                <ActionLink action={action} cardTitle={title} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  )
}

function Row({ row, anyRowHasActions, cardTitle }: { row: SummaryListRow; anyRowHasActions: boolean; cardTitle: CardTitle }) {
  const items = row.actions?.items ?? []
  return (
    <div className={cx('govuk-summary-list__row', anyRowHasActions && !row.actions?.items && 'govuk-summary-list__row--no-actions', row.classes)}>
      <dt className={cx('govuk-summary-list__key', row.key.classes)}>{content(row.key.html, row.key.text)}</dt>
      <dd className={cx('govuk-summary-list__value', row.value.classes)}>{content(row.value.html, row.value.text)}</dd>
      {items.length ? (
        <dd className={cx('govuk-summary-list__actions', row.actions?.classes)}>
          {items.length === 1 ? (
            items[0] ? (
              <ActionLink action={items[0]} cardTitle={cardTitle} />
            ) : null
          ) : (
            <ul className="govuk-summary-list__actions-list">
              {truthy(items).map((action, index) => (
                <li className="govuk-summary-list__actions-list-item" key={index}>
                  <ActionLink action={action} cardTitle={cardTitle} />
                </li>
              ))}
            </ul>
          )}
        </dd>
      ) : null}
    </div>
  )
}

/** GOV.UK summary list of keys, values and actions, optionally as a summary card; mirrors the govukSummaryList macro. */
export function SummaryList({ rows, card, classes, attributes }: SummaryListProps) {
  // Rows without actions get a modifier class when other rows have them, so the columns line up.
  const anyRowHasActions = truthy(rows).some((row) => Boolean(row.actions?.items?.length))
  const list = (
    <dl {...attrs(attributes)} className={cx('govuk-summary-list', classes)}>
      {rows.map((row, index) => (row ? <Row key={index} row={row} anyRowHasActions={anyRowHasActions} cardTitle={card?.title} /> : null))}
    </dl>
  )
  return card ? <Card card={card}>{list}</Card> : list
}
