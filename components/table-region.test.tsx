import { HtmlValidate } from 'html-validate'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { htmlValidateConfig } from '@/e2e/support/html-validate.config'
import { TableRegion } from './table-region'

const html = renderToStaticMarkup(
  <TableRegion
    caption="Users"
    captionClasses="govuk-visually-hidden"
    head={[{ text: 'Name' }, { text: 'Email address' }]}
    rows={[[{ text: 'Anne Wilson' }, { text: 'anne.wilson@education.gov.uk' }]]}
  />,
)

describe('TableRegion', () => {
  it('puts the GOV.UK table in a region named after its caption, which keyboard users can focus to scroll', () => {
    expect(html).toMatch(
      /^<section class="app-table-region" aria-label="Users" tabindex="0"><table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Users<\/caption>/,
    )
    expect(html).toMatch(/<\/table><\/section>$/)
  })

  it('is valid HTML by the journeys’ html-validate rules', async () => {
    const page = `<!DOCTYPE html><html lang="en"><head><title>Users</title></head><body><main><h1>Users</h1>${html}</main></body></html>`
    const report = await new HtmlValidate(htmlValidateConfig).validateString(page, 'page.html')
    expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`))).toEqual([])
  })
})
