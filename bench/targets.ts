// Issue 16's targets, each a ratio of two cases measured in the same run (bench/api.ts), with its verdict.
import type { Measured } from './measure'

export type Verdict = { target: string; measured: string; met: boolean | undefined }

type Find = (name: string, connections?: number) => Measured | undefined

const ratioOf = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined)
const shown = (ratio: number | undefined) => (ratio === undefined ? 'not measured' : `${ratio.toFixed(2)}×`)

function atLeast(target: string, ratio: number | undefined, floor: number): Verdict {
  return { target, measured: shown(ratio), met: ratio === undefined ? undefined : ratio >= floor }
}

/** Targets 1–4 for one register size; `ours` and `prototype` find a case by name (and connections, 10 by default). */
export function apiTargets(size: string, ours: Find, prototype: Find): Verdict[] {
  const rps = (find: Find, name: string, connections = 10) => find(name, connections)?.rps
  const pps = (find: Find, name: string) => find(name)?.providersPerSecond
  return [
    atLeast(`1. ${size}: /api/v1/info ≥ 0.95× /api/health, 10 connections`, ratioOf(rps(ours, 'info'), rps(ours, 'health')), 0.95),
    atLeast(`1. ${size}: /api/v1/info ≥ 0.95× /api/health, 50 connections`, ratioOf(rps(ours, 'info', 50), rps(ours, 'health', 50)), 0.95),
    atLeast(`2. ${size}: unknown token's 401 ≥ 1.0× /api/health`, ratioOf(rps(ours, 'unknown token'), rps(ours, 'health')), 1),
    atLeast(`3. ${size}: page 1 (per_page=100) ≥ 3× the prototype`, ratioOf(rps(ours, 'page 1'), rps(prototype, 'page 1')), 3),
    atLeast(`3. ${size}: deep page (per_page=100) ≥ 3× the prototype`, ratioOf(rps(ours, 'deep page'), rps(prototype, 'deep page')), 3),
    atLeast(`3. ${size}: page 1 ≥ 0.5× the limit (same bytes from memory)`, ratioOf(rps(ours, 'page 1'), rps(ours, 'limit page')), 0.5),
    atLeast(`3. ${size}: deep page ≥ 0.5× the limit`, ratioOf(rps(ours, 'deep page'), rps(ours, 'limit page')), 0.5),
    atLeast(`3. ${size}: change feed (per_page=500) providers/s ≥ 3× the prototype's per_page=200 list`, ratioOf(pps(ours, 'feed'), pps(prototype, 'page 1, per_page=200')), 3),
    atLeast(`3. ${size}: change feed providers/s ≥ 0.5× the limit`, ratioOf(pps(ours, 'feed'), pps(ours, 'limit feed')), 0.5),
    atLeast(`4. ${size}: /api/v1/providers/{id} ≥ 0.8× /api/v1/info`, ratioOf(rps(ours, 'one provider'), rps(ours, 'info')), 0.8),
  ]
}

/** Target 5: every staff list page in ≤ 2× the time of an empty list (time a request: the inverse of requests/s). */
export function staffListTargets(find: Find, pages: string[]): Verdict[] {
  const empty = find('staff list, empty')?.rps
  return pages.map((name) => {
    const ratio = ratioOf(empty, find(name)?.rps)
    return { target: `5. ${name} ≤ 2× the empty list's time`, measured: shown(ratio), met: ratio === undefined ? undefined : ratio <= 2 }
  })
}

/**
 * Target 6: the server's peak resident memory, through the register API's cases (50 connections included), and
 * over the whole run, the staff list's server-rendered pages at 10,000 clients included.
 */
export function memoryTargets(apiPeakMb: number, peakMb: number): Verdict[] {
  const verdict = (target: string, mb: number): Verdict => ({ target, measured: `${mb.toFixed(0)} MB`, met: mb <= 400 })
  return [
    verdict('6. server peak RSS ≤ 400 MB through the API cases (50 connections included)', apiPeakMb),
    verdict('6. the same over the whole run, the staff list pages included', peakMb),
  ]
}

/** The verdicts as a Markdown table. */
export function verdictTable(verdicts: Verdict[]): string {
  const lines = verdicts.map(({ target, measured, met }) => `| ${target} | ${measured} | ${met === undefined ? 'not measured' : met ? 'met' : '**not met**'} |`)
  return ['| target | measured | met? |', '|---|---:|---|', ...lines].join('\n')
}
