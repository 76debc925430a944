import type { ReactNode } from 'react'
import type { CommonOptions, Content } from './shared'
import { attrs, content, cx, present } from './shared'

export interface InsetTextProps extends CommonOptions, Content {
  id?: string
  /** Takes the place of the macro's `caller` block. */
  children?: ReactNode
}

/** GOV.UK inset text; mirrors the govukInsetText macro. */
export function InsetText({ id, text, html, classes, attributes, children }: InsetTextProps) {
  return (
    <div {...attrs(attributes, { id: id || undefined })} className={cx('govuk-inset-text', classes)}>
      {present(children) ? children : content(html, text)}
    </div>
  )
}
