// One benchmark case under load: autocannon for its requests per second and latency, /proc for the server's
// CPU time per request. Cases that are compared run in alternating rounds (A B C A B C …), so a change in
// the machine's load during the run falls on all of them alike.
import autocannon from 'autocannon'
import { cpuMs, postgresCpuMsBetween, postgresTicks, processTree } from './cpu'

/** A request to measure, against one server (ours or the prototype). */
export type Case = {
  name: string
  url: string
  headers?: Record<string, string>
  /** The pid whose process tree serves it, for its CPU time. */
  serverPid: number
  /** The status every answer should have. */
  status: number
  /** Providers in one answer, for the providers/s figures. */
  providersPerAnswer?: number
  /**
   * Servers to stop (SIGSTOP) while this case runs and continue after, so that a server not being measured
   * (the prototype, whose kit does work of its own while idle) cannot take the pinned CPU from the one that is.
   */
  pause?: number[]
}

/** Sends a signal to every process of each tree, ignoring processes that have gone. */
function signalTrees(roots: number[], signal: 'SIGSTOP' | 'SIGCONT'): void {
  for (const root of roots) {
    for (const pid of processTree(root)) {
      try {
        process.kill(pid, signal)
      } catch {
        // Gone since the tree was read.
      }
    }
  }
}

/** What the rounds of one case add up to. */
export type Measured = {
  name: string
  connections: number
  requests: number
  seconds: number
  rps: number
  p50: number
  p99: number
  /** Node CPU ms per request of the serving process tree. */
  nodeCpuMs: number
  /** CPU ms per request of the PostgreSQL processes alive throughout (others' work included on a shared machine). */
  postgresCpuMs: number
  unexpected: number
  errors: number
  providersPerSecond?: number
}

type Sum = { requests: number; seconds: number; p50: number[]; p99: number[]; node: number; postgres: number; unexpected: number; errors: number }

/** Runs `load` with the case's other servers stopped, and continues them however it ends. */
async function withOthersStopped<R>(test: Case, load: () => Promise<R>): Promise<R> {
  signalTrees(test.pause ?? [], 'SIGSTOP')
  try {
    return await load()
  } finally {
    signalTrees(test.pause ?? [], 'SIGCONT')
  }
}

async function once(test: Case, connections: number, seconds: number) {
  const node = cpuMs(test.serverPid)
  const postgres = postgresTicks()
  const result = await withOthersStopped(test, () => autocannon({ url: test.url, connections, duration: seconds, headers: test.headers ?? {} }))
  const expected = result.statusCodeStats[String(test.status)]?.count ?? 0
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    node: cpuMs(test.serverPid) - node,
    postgres: postgresCpuMsBetween(postgres, postgresTicks()),
    unexpected: result.requests.total - expected,
    errors: result.errors + result.timeouts,
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

/** Runs every case for `seconds` in each of `rounds` rounds, alternating, and sums each case's rounds. */
export async function alternate(cases: Case[], { connections, seconds, rounds }: { connections: number; seconds: number; rounds: number }, log: (line: string) => void): Promise<Measured[]> {
  const sums = new Map<string, Sum>()
  for (let round = 0; round < rounds; round += 1) {
    // Reversed every other round, so no case always follows the same one.
    for (const test of round % 2 === 0 ? cases : [...cases].reverse()) {
      const run = await once(test, connections, seconds)
      const sum = sums.get(test.name) ?? { requests: 0, seconds: 0, p50: [], p99: [], node: 0, postgres: 0, unexpected: 0, errors: 0 }
      sum.requests += run.requests
      sum.seconds += run.seconds
      sum.p50.push(run.p50)
      sum.p99.push(run.p99)
      sum.node += run.node
      sum.postgres += run.postgres
      sum.unexpected += run.unexpected
      sum.errors += run.errors
      sums.set(test.name, sum)
    }
  }
  return cases.map((test) => {
    const sum = sums.get(test.name) as Sum
    const rps = sum.requests / Math.max(sum.seconds, 1e-9)
    const perRequest = (ms: number) => ms / Math.max(sum.requests, 1)
    const measured: Measured = {
      name: test.name,
      connections,
      requests: sum.requests,
      seconds: sum.seconds,
      rps,
      p50: median(sum.p50),
      p99: median(sum.p99),
      nodeCpuMs: perRequest(sum.node),
      postgresCpuMs: perRequest(sum.postgres),
      unexpected: sum.unexpected,
      errors: sum.errors,
      ...(test.providersPerAnswer === undefined ? {} : { providersPerSecond: rps * test.providersPerAnswer }),
    }
    log(`${test.name}, ${connections} connections: ${Math.round(rps)} req/s, ${measured.nodeCpuMs.toFixed(2)} ms Node CPU a request, p50 ${measured.p50} ms`)
    return measured
  })
}

/** Warms every case up (compiled routes, pools, caches), as on a server that has been up a while. */
export async function warmUp(cases: Case[], seconds = 2): Promise<void> {
  for (const test of cases) await withOthersStopped(test, () => autocannon({ url: test.url, connections: 10, duration: seconds, headers: test.headers ?? {} }))
}
