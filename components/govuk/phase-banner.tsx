import type { CommonOptions, Content } from './shared'
import { attrs, content, cx } from './shared'
import { Tag } from './tag'
import type { TagProps } from './tag'

export interface PhaseBannerProps extends CommonOptions, Content {
  /** The phase tag ("Alpha", "Beta"); only its text, html and classes are used. */
  tag?: Pick<TagProps, 'text' | 'html' | 'classes'>
}

/** GOV.UK phase banner ("Beta – this is a new service"); mirrors the govukPhaseBanner macro. */
export function PhaseBanner({ tag, text, html, classes, attributes }: PhaseBannerProps) {
  return (
    <div {...attrs(attributes)} className={cx('govuk-phase-banner govuk-width-container', classes)}>
      <p className="govuk-phase-banner__content">
        <Tag text={tag?.text} html={tag?.html} classes={cx('govuk-phase-banner__content__tag', tag?.classes)} />{' '}
        <span className="govuk-phase-banner__text">{content(html, text)}</span>
      </p>
    </div>
  )
}
