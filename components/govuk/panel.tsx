import { Fragment } from 'react'
import type { ReactNode } from 'react'
import { Button } from './button'
import type { Attributes, CommonOptions, Content, HeadingLevel, Items } from './shared'
import { attrs, content, cx, present, truthy } from './shared'

/** A button (or link) in an interruption panel. */
export interface PanelAction {
  text: string
  /** `button` (the default for actions without `href`) or `submit`. */
  type?: 'button' | 'submit'
  href?: string
  classes?: string
  attributes?: Attributes
}

export interface PanelProps extends CommonOptions, Content {
  titleText?: string
  titleHtml?: ReactNode
  headingLevel?: HeadingLevel
  /** Takes the place of the macro's `caller` block. */
  children?: ReactNode
  /** Actions, shown only on the interruption variant (`classes: 'govuk-panel--interruption'`). */
  actions?: CommonOptions & { items?: Items<PanelAction> }
}

function Action({ action }: { action: PanelAction }) {
  if (!action.href || action.type === 'button') {
    return (
      <Button
        text={action.text}
        type={action.type || 'button'}
        classes={cx('govuk-button--inverse', action.classes)}
        href={action.href}
        attributes={action.attributes}
      />
    )
  }
  return (
    <a {...attrs(action.attributes)} className={cx('govuk-link govuk-link--inverse', action.classes)} href={action.href}>
      {action.text}
    </a>
  )
}

/** GOV.UK panel: a confirmation, or an interruption with actions; mirrors the govukPanel macro. */
export function Panel(props: PanelProps) {
  const { titleText, titleHtml, text, html, children, actions, classes } = props
  const isInterruption = Boolean(classes?.includes('govuk-panel--interruption'))
  const Heading = `h${props.headingLevel || 1}` as `h${HeadingLevel}`
  const body = present(children) ? children : content(html, text)
  return (
    <div {...attrs(props.attributes)} className={cx('govuk-panel', !isInterruption && 'govuk-panel--confirmation', classes)}>
      <Heading className="govuk-panel__title">{content(titleHtml, titleText)}</Heading>
      {present(body) ? <div className="govuk-panel__body">{body}</div> : null}
      {isInterruption && actions ? (
        <div {...attrs(actions.attributes)} className={cx('govuk-panel__actions', actions.classes)}>
          {actions.items?.length ? (
            <div className="govuk-button-group">
              {truthy(actions.items).map((action, index) => (
                <Fragment key={index}>
                  {index > 0 ? ' ' : null}
                  <Action action={action} />
                </Fragment>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
