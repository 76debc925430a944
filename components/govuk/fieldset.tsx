import type { ReactNode } from 'react'
import type { CommonOptions, Content } from './shared'
import { attrs, content, cx, hasContent, present } from './shared'

export interface FieldsetLegend extends Content {
  classes?: string
  isPageHeading?: boolean
}

export interface FieldsetProps extends CommonOptions {
  describedBy?: string
  legend?: FieldsetLegend
  role?: string
  /** Content of the fieldset (the macro's `html`); `children` takes the place of its `caller` block. */
  html?: ReactNode
  children?: ReactNode
}

/** GOV.UK fieldset with an optional legend; mirrors the govukFieldset macro. */
export function Fieldset({ describedBy, legend, role, html, children, classes, attributes }: FieldsetProps) {
  const legendContent = legend ? content(legend.html, legend.text) : null
  return (
    <fieldset
      {...attrs(attributes, { role: role || undefined, 'aria-describedby': describedBy || undefined })}
      className={cx('govuk-fieldset', classes)}
    >
      {legend && hasContent(legend) ? (
        <legend className={cx('govuk-fieldset__legend', legend.classes)}>
          {legend.isPageHeading ? <h1 className="govuk-fieldset__heading">{legendContent}</h1> : legendContent}
        </legend>
      ) : null}
      {present(children) ? children : html}
    </fieldset>
  )
}
