// Copies govuk-frontend's fonts, images and manifest to public/assets, where its CSS expects them.
import { cpSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const govukRoot = dirname(require.resolve('govuk-frontend/package.json'))
const from = join(govukRoot, 'dist', 'govuk', 'assets')
const to = join(import.meta.dirname ?? dirname(new URL(import.meta.url).pathname), '..', 'public', 'assets')

mkdirSync(to, { recursive: true })
cpSync(from, to, { recursive: true })
