import type { CommonOptions, Content } from './shared'
import { attrs, content, cx } from './shared'

export interface HintProps extends CommonOptions, Content {
  id?: string
}

/** GOV.UK hint text for a form field; mirrors the govukHint macro. */
export function Hint({ id, text, html, classes, attributes }: HintProps) {
  return (
    <div {...attrs(attributes, { id: id || undefined })} className={cx('govuk-hint', classes)}>
      {content(html, text)}
    </div>
  )
}
