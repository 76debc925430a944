// `npx tsx bench/profile-compare.ts`: where one request costs more than another. One `next start` under a CPU
// profile serves the cases in alternating rounds; the profile's samples are split by the rounds' times (both are
// CLOCK_MONOTONIC), and each frame's self time is divided by the round's requests: µs a request, by frame, for
// each case, and each case's difference from the first. Uses the database bench/api.ts leaves
// (DATABASE_URL, default rotp_bench) and the build in .next-<BENCH_PORT> (an unminified one names our frames:
// bench/README.md). PROFILE_CASES picks cases by name (default: health, info, one provider).
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { benchToken, frameName, type Profile } from './cpu-profile'
import { benchNodeFlags, benchServerEnvironment, pinToFirstCpu, startServer } from './server'

const port = Number(process.env.BENCH_PORT ?? 3700)
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_bench'
const seconds = Number(process.env.BENCH_SECONDS ?? 2)
const rounds = Number(process.env.BENCH_ROUNDS ?? 8)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const intervalUs = Number(process.env.PROFILE_INTERVAL_US ?? 250)
const folder = 'bench/results/profile-compare'
const pepper = randomBytes(32).toString('hex')
const onlyCases = (process.env.PROFILE_CASES ?? 'health,info,one provider').split(',').map((name) => name.trim())

type Window = { name: string; fromUs: number; toUs: number; requests: number }

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n)

/** Self time (µs) by frame within each window, from a profile's samples and their time deltas. */
function selfTimeByWindow(profile: Profile, windows: Window[]): Map<Window, Map<string, number>> {
  const names = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame)]))
  const totals = new Map(windows.map((window) => [window, new Map<string, number>()]))
  let at = profile.startTime
  for (let index = 0; index < profile.samples.length; index += 1) {
    at += profile.timeDeltas[index] ?? 0
    // A sample stands for the time until the next one.
    const span = profile.timeDeltas[index + 1] ?? intervalUs
    const window = windows.find((candidate) => at >= candidate.fromUs && at < candidate.toUs)
    if (!window) continue
    const frames = totals.get(window) as Map<string, number>
    const name = names.get(profile.samples[index] as number) ?? '?'
    frames.set(name, (frames.get(name) ?? 0) + span)
  }
  return totals
}

async function main(): Promise<void> {
  const { token, providerId } = await benchToken(databaseUrl, pepper)
  const auth = { authorization: `Bearer ${token}` }
  const all = [
    { name: 'health', path: '/api/health', headers: {} },
    { name: 'info', path: '/api/v1/info', headers: auth },
    { name: 'one provider', path: `/api/v1/providers/${providerId}`, headers: auth },
    { name: 'page 1', path: '/api/v1/providers?per_page=100', headers: auth },
  ]
  const cases = all.filter((test) => onlyCases.includes(test.name))
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  const flags = [...benchNodeFlags(), '--cpu-prof', `--cpu-prof-dir=${folder}`, `--cpu-prof-interval=${intervalUs}`]
  const server = await startServer(port, benchServerEnvironment(port, databaseUrl, pepper), flags)
  pinToFirstCpu(server.child.pid)
  const windows: Window[] = []
  try {
    for (const test of cases) await autocannon({ url: `${server.origin}${test.path}`, connections, duration: 2, headers: test.headers })
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? cases : [...cases].reverse()
      for (const test of order) {
        const fromUs = monotonicUs()
        const result = await autocannon({ url: `${server.origin}${test.path}`, connections, duration: seconds, headers: test.headers })
        windows.push({ name: test.name, fromUs, toUs: monotonicUs(), requests: result.requests.total })
      }
    }
  } finally {
    await server.stop()
  }
  const files = readdirSync(folder).map((file) => join(folder, file))
  const profile = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Profile).sort((a, b) => b.samples.length - a.samples.length)[0]
  if (!profile) throw new Error(`no profile in ${folder}`)
  const byWindow = selfTimeByWindow(profile, windows)
  // µs a request by frame, for each case over all its rounds.
  const perRequest = new Map<string, Map<string, number>>()
  for (const test of cases) {
    const mine = windows.filter((window) => window.name === test.name)
    const requests = mine.reduce((sum, window) => sum + window.requests, 0)
    const frames = new Map<string, number>()
    for (const window of mine) for (const [name, us] of byWindow.get(window) ?? []) frames.set(name, (frames.get(name) ?? 0) + us / requests)
    perRequest.set(test.name, frames)
  }
  const busy = (frames: Map<string, number>) => [...frames].filter(([name]) => !name.startsWith('(idle)')).reduce((sum, [, us]) => sum + us, 0)
  const first = cases[0]?.name ?? ''
  const base = perRequest.get(first) ?? new Map<string, number>()
  console.info(`${rounds} rounds × ${seconds} s, ${connections} connections, profile interval ${intervalUs} µs`)
  for (const test of cases) {
    const frames = perRequest.get(test.name) ?? new Map<string, number>()
    console.info(`\n## ${test.name}: ${busy(frames).toFixed(1)} µs of the main thread a request (idle excluded)`)
    if (test.name === first) continue
    const names = new Set([...frames.keys(), ...base.keys()])
    const differences = [...names].map((name) => [name, (frames.get(name) ?? 0) - (base.get(name) ?? 0)] as const).sort((a, b) => b[1] - a[1])
    console.info(`Difference from ${first}: ${(busy(frames) - busy(base)).toFixed(1)} µs. Frames that cost more (µs a request):`)
    for (const [name, us] of differences.slice(0, 30)) console.info(`- ${us.toFixed(2)} ${name}`)
  }
}

await main()
