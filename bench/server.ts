// Starts `next start` on loopback for the benchmark, samples its memory, and stops it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { processTree } from './cpu'
import { nextBin, startScriptNodeFlags } from '../scripts/node-flags'
import { prepareDatabase } from './database'

export type BenchServer = { origin: string; child: ChildProcess; stop: () => Promise<void> }

/** Node's flags for a benchmark's server: BENCH_NODE_ARGS (space-separated) to try others, else those `npm start` passes. */
export function benchNodeFlags(): string[] {
  return process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? startScriptNodeFlags()
}

/** Pins a server's process tree to CPU 0 (BENCH_PIN=1), leaving the other CPU to the load generator. */
export function pinToFirstCpu(pid: number | undefined): void {
  if (process.env.BENCH_PIN === '1' && pid) spawnSync('taskset', ['-a', '-p', '-c', '0', String(pid)], { stdio: 'ignore' })
}

/**
 * Starts the build in `.next-<buildPort>` (next.config.ts picks the folder from E2E_PORT; by default the port it
 * listens on) on 127.0.0.1 only, with benchNodeFlags() unless `nodeArgs` are given.
 */
export async function startServer(port: number, env: Record<string, string>, nodeArgs: string[] = benchNodeFlags(), buildPort = port): Promise<BenchServer> {
  const child = spawn(process.execPath, [...nodeArgs, nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, ...env, E2E_PORT: String(buildPort) },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const origin = `http://127.0.0.1:${port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.once('exit', () => {
        clearTimeout(force)
        resolve()
      })
      child.kill('SIGTERM')
    })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${origin}/api/health/ready`)).ok) return { origin, child, stop }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error('The server was not ready within 60 s')
}

function kilobytes(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return Number(match?.[1] ?? 0)
  } catch {
    return 0
  }
}

/**
 * Polls the server's peak resident memory (VmHWM, which the kernel keeps per process) every half second.
 * `peakMb()` is the largest peak of any process in the tree.
 */
export function watchMemory(pid: number) {
  let peak = 0
  const sample = () => {
    for (const member of processTree(pid)) peak = Math.max(peak, kilobytes(member, 'VmHWM'))
  }
  sample()
  const timer = setInterval(sample, 500)
  return {
    peakMb: () => {
      sample()
      return peak / 1024
    },
    stop: () => clearInterval(timer),
  }
}

/**
 * What every benchmark does first: note the machine, build into `.next-<port>` (unless `--skip-build`), seed its database, and
 * start `next start` on it in production mode with limits high enough that the limiter never answers.
 */
export async function startBenchServer(port: number, databaseUrl: string, pepper: string, log: (line: string) => void) {
  log(`Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`)
  if (!process.argv.includes('--skip-build')) {
    log(`Building into .next-${port}…`)
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, E2E_PORT: String(port) } })
    if (build.status !== 0) throw new Error('next build failed')
  }
  const database = await prepareDatabase(databaseUrl, pepper, log)
  const server = await startServer(port, benchServerEnvironment(port, database.url, pepper))
  return { database, server }
}

/** The environment every benchmark's server runs with: production mode, limits high enough that the limiter never answers. */
export function benchServerEnvironment(port: number, databaseUrl: string, pepper: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    TOKEN_PEPPER: pepper,
    NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // The benchmarks measure the API, not the limiter turning it away.
    RATE_LIMIT_PER_CLIENT: '1000000000',
    RATE_LIMIT_PER_IP: '1000000000',
    LOG_LEVEL: 'warn',
  }
}
