import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { generateOpenApiDocument } from './document'
import { servedOpenApiDocument } from './served'

type LintReport = { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] }

const folder = mkdtempSync(join(tmpdir(), 'openapi-lint-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Runs Redocly's CLI, as `npm run openapi:lint` does, with this repository's redocly.yaml (recommended-strict). */
async function lint(file: string): Promise<LintReport> {
  const run = promisify(execFile)
  const environment = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }
  // It exits non-zero when it finds problems; the report on stdout is what is asserted.
  const { stdout } = await run('node_modules/.bin/redocly', ['lint', file, '--config', 'redocly.yaml', '--format', 'json'], { env: environment }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  )
  return JSON.parse(stdout) as LintReport
}

const summary = (report: LintReport) => report.problems.map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`)

describe('the OpenAPI document under `redocly lint` with recommended-strict', () => {
  it('has no errors and no warnings as generated (the committed openapi/v1.json equals it: document.test.ts)', async () => {
    const file = join(folder, 'generated.json')
    writeFileSync(file, JSON.stringify(generateOpenApiDocument()))
    const report = await lint(file)
    expect(summary(report)).toEqual([])
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 })
  }, 60_000)

  it('has none as served, with an absolute server URL', async () => {
    const file = join(folder, 'served.json')
    writeFileSync(file, JSON.stringify(servedOpenApiDocument(generateOpenApiDocument(), 'https://register.education.test')))
    const report = await lint(file)
    expect(summary(report)).toEqual([])
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 })
  }, 60_000)

  it('can fail: a document without a license or a 4xx is reported', async () => {
    const { info, ...document } = generateOpenApiDocument()
    const broken = { ...document, info: { ...info, license: undefined } }
    const file = join(folder, 'broken.json')
    writeFileSync(file, JSON.stringify(broken))
    const report = await lint(file)
    expect(report.problems.map((problem) => problem.ruleId)).toContain('info-license')
  }, 60_000)
})
