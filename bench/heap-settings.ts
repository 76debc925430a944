// `npx tsx bench/heap-settings.ts [--skip-build]`: two servers of the same build on the same database, one with
// V8's default heap settings and one with BENCH_NODE_ARGS (default: the flags `npm start` passes Node, package.json),
// measured in alternating rounds (both on CPU 0 with BENCH_PIN=1), for what the
// flags cost in CPU a request and save in peak resident memory (target 6 of issue 16). The register is the
// largest the seed makes (44,304 live), with the staff list at 10,000 clients, as in bench/api.ts.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { prepareDatabase } from './database'
import { readHeapBreakdown } from './heap'
import { alternate, warmUp, type Case, type Measured } from './measure'
import { benchNodeFlags, benchServerEnvironment, pinToFirstCpu, startServer, watchMemory, type BenchServer } from './server'
import { addApiClients, sessionCookie } from './staff'

const port = Number(process.env.BENCH_PORT ?? 3600)
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_bench'
const seconds = Number(process.env.BENCH_SECONDS ?? 2)
const rounds = Number(process.env.BENCH_ROUNDS ?? 9)
const flags = benchNodeFlags()
const log = (line: string) => console.info(line)

const pepper = randomBytes(32).toString('hex')
const sessionSecret = randomBytes(32).toString('hex')
const metricsToken = randomBytes(16).toString('hex')

async function main(): Promise<void> {
  const started = Date.now()
  if (!process.argv.includes('--skip-build')) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, E2E_PORT: String(port) } })
    if (build.status !== 0) throw new Error('next build failed')
  }
  const database = await prepareDatabase(url, pepper, log)
  const pages = await addApiClients(database.url, database.staff.id)
  const cookie = await sessionCookie(database.staff, sessionSecret)
  const environment = { ...benchServerEnvironment(port, database.url, pepper), NEXTAUTH_SECRET: sessionSecret, METRICS_TOKEN: metricsToken }
  // Both serve the build in .next-<port>: the second is told the same port for its folder and listens on another.
  const servers: Array<{ label: string; server: BenchServer; memory: ReturnType<typeof watchMemory> }> = []
  for (const [label, args, listen] of [
    ['V8 defaults', [], port],
    [flags.join(' ') || 'no flags', flags, port + 1],
  ] as const) {
    const server = await startServer(listen, { ...environment, NEXTAUTH_URL: `http://127.0.0.1:${listen}` }, [...args], port)
    pinToFirstCpu(server.child.pid)
    servers.push({ label, server, memory: watchMemory(server.child.pid ?? 0) })
  }
  try {
    const pids = servers.map(({ server }) => server.child.pid ?? 0)
    const bearer = { authorization: `Bearer ${database.token}` }
    const casesOf = (index: number): Case[] => {
      const { label, server } = servers[index] as (typeof servers)[number]
      // Not paused while the other runs (as bench/api.ts pauses the prototype): a server stopped while its usage flush
      // holds the API client's row would hold up the other's until the statement timeout. Idle, it costs nothing.
      const base = { serverPid: pids[index] ?? 0, status: 200 }
      return [
        { ...base, name: `${label}: health`, url: `${server.origin}/api/health` },
        { ...base, name: `${label}: info`, url: `${server.origin}/api/v1/info`, headers: bearer },
        { ...base, name: `${label}: page 1`, url: `${server.origin}/api/v1/providers?per_page=100`, headers: bearer },
        { ...base, name: `${label}: feed`, url: `${server.origin}/api/v1/providers/changes?per_page=500`, headers: bearer },
        { ...base, name: `${label}: staff list, last page`, url: `${server.origin}/api-clients?page=${pages}`, headers: cookie },
      ]
    }
    const all = [...casesOf(0), ...casesOf(1)]
    await warmUp(all)
    const measured: Measured[] = []
    measured.push(...(await alternate(all, { connections: 10, seconds, rounds }, log)))
    measured.push(...(await alternate(all.filter((test) => !test.name.includes('staff')), { connections: 50, seconds, rounds }, log)))
    const lines = ['| case | conn. | V8 defaults: Node CPU ms/req | with flags | ratio | req/s ratio |', '|---|---:|---:|---:|---:|---:|']
    const [defaults, flagged] = servers.map(({ label }) => label)
    for (const test of measured.filter((row) => row.name.startsWith(`${defaults}: `))) {
      const name = test.name.slice(`${defaults}: `.length)
      const other = measured.find((row) => row.name === `${flagged}: ${name}` && row.connections === test.connections)
      if (!other) continue
      lines.push(`| ${name} | ${test.connections} | ${test.nodeCpuMs.toFixed(2)} | ${other.nodeCpuMs.toFixed(2)} | ${(other.nodeCpuMs / test.nodeCpuMs).toFixed(2)}× | ${(other.rps / test.rps).toFixed(2)}× |`)
    }
    lines.push('', '| server | peak RSS | now |', '|---|---:|---|')
    for (const { label, server, memory } of servers) lines.push(`| ${label} | ${memory.peakMb().toFixed(0)} MB | ${await readHeapBreakdown(server.origin, metricsToken)} |`)
    console.info(`\n${seconds} s × ${rounds} alternating rounds a case; took ${Math.round((Date.now() - started) / 1000)} s\n\n${lines.join('\n')}`)
  } finally {
    for (const { server, memory } of servers) {
      memory.stop()
      await server.stop()
    }
  }
}

await main()
