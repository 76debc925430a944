import type { CommonOptions, Content } from './shared'
import { attrs, content, cx } from './shared'

export type TagProps = CommonOptions & Content

/** GOV.UK tag; mirrors the govukTag macro. */
export function Tag({ text, html, classes, attributes }: TagProps) {
  return (
    <strong {...attrs(attributes)} className={cx('govuk-tag', classes)}>
      {content(html, text)}
    </strong>
  )
}
