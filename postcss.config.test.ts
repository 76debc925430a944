import postcss from 'postcss'
import * as sass from 'sass'
import { describe, expect, it } from 'vitest'
import config from './postcss.config.mjs'

// The stylesheet as Next compiles it: Sass first, then this PostCSS step.
const compiled = sass.compile('app/styles.scss', { loadPaths: ['node_modules'], quietDeps: true, silenceDeprecations: ['import'] }).css
const hack = /\(min-width:\s*0\\0\s*\)/

describe('postcss.config.mjs', () => {
  it('removes the Internet Explorer media-query hack that Turbopack cannot parse', async () => {
    expect(compiled).toMatch(hack)
    const { css } = await postcss(config.plugins).process(compiled, { from: undefined })
    expect(css).not.toMatch(hack)
  })

  it('keeps every other rule, including the service navigation flexbox the hack sat inside', async () => {
    const { css } = await postcss(config.plugins).process(compiled, { from: undefined })
    const mediaRules = (text: string) => (text.match(/@media/g) ?? []).length
    expect(mediaRules(css)).toBe(mediaRules(compiled) - 1)
    expect(css.length).toBeGreaterThan(compiled.length - 200)
    expect(css).toMatch(/\.govuk-service-navigation__list \{\s*display: flex;/)
  })
})
