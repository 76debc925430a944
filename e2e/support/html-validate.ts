import { expect, type Page } from '@playwright/test'
import { HtmlValidate, StaticConfigLoader, type ConfigData, type Message, type ResolvedConfig } from 'html-validate'
import { acceptedMessages, htmlValidateConfig } from './html-validate.config'
import { runsWithoutJavaScript, sentDocument } from './test'

/**
 * html-validate resolves its configuration (presets, element metadata, rule schemas) again for every
 * string it checks, which took most of the time for a page of ours; the configuration never changes here.
 */
class ResolvedOnceConfigLoader extends StaticConfigLoader {
  private resolved: ResolvedConfig | Promise<ResolvedConfig> | undefined

  override getConfigFor(handle: string, override?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (override) return super.getConfigFor(handle, override)
    return (this.resolved ??= super.getConfigFor(handle))
  }
}

const validator = new HtmlValidate(new ResolvedOnceConfigLoader(htmlValidateConfig))

/** Milliseconds spent validating in this worker, printed at the end when HTML_VALIDATE_TIMING is set. */
let spent = 0
let pagesChecked = 0
if (process.env.HTML_VALIDATE_TIMING) {
  process.on('exit', () => console.info(`html-validate: ${pagesChecked} pages in ${Math.round(spent)} ms (worker ${process.pid})`))
}

/**
 * Checks the page's HTML with html-validate (rules in html-validate.config.ts). Without JavaScript that is
 * the document exactly as the server sent it, so markup the browser's parser would quietly repair still
 * counts; with JavaScript it is the live DOM, which adds what React and govuk-frontend's scripts wrote.
 */
export async function expectValidHtml(page: Page): Promise<void> {
  const html = (runsWithoutJavaScript(page) ? await sentDocument(page) : null) ?? (await page.content())
  const started = performance.now()
  const report = await validator.validateString(html, 'page.html')
  spent += performance.now() - started
  pagesChecked += 1
  const errors = report.results
    .flatMap((result) => result.messages)
    .filter((message) => !isAccepted(message, html))
    .map((message) => `${message.ruleId}: ${message.message} (${message.selector ?? 'document'}) in ${openingTagAt(html, message.offset)}`)
  // Soft, so the journey goes on and one run lists the errors of every page it visits.
  expect.soft(errors, `html-validate found errors on ${page.url()}`).toEqual([])
}

/** The opening tag that holds this offset (a message's offset is at the element or at one of its attributes). */
function openingTagAt(html: string, offset: number): string {
  const start = html.lastIndexOf('<', offset)
  const end = html.indexOf('>', offset)
  return start === -1 || end === -1 ? '' : html.slice(start, end + 1)
}

function isAccepted(message: Message, html: string): boolean {
  const tag = openingTagAt(html, message.offset)
  return acceptedMessages.some((accepted) => accepted.ruleId === message.ruleId && accepted.test(tag, message))
}
