// Next (Turbopack) runs this PostCSS step on app/styles.scss after Sass and before it parses the CSS itself.

/**
 * Removes `@media … (min-width: 0\0)` blocks: browserhacks.com's trick for Internet Explorer 9–11, which
 * govuk-frontend's service navigation still carries. Turbopack's CSS parser rejects the query as invalid
 * and printed a 25-line warning on every compile. govuk-frontend 6 runs no JavaScript in those browsers and
 * this service does not support them, so the blocks (one `display: block`) do nothing for anyone we serve.
 * Only queries containing the `\0` hack go; every other rule and warning stays.
 */
const dropInternetExplorerMediaHacks = {
  postcssPlugin: 'drop-internet-explorer-media-hacks',
  AtRule: {
    media(rule) {
      if (/\\0\s*\)/.test(rule.params)) rule.remove()
    },
  },
}

const config = { plugins: [dropInternetExplorerMediaHacks] }

export default config
