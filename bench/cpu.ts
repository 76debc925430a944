// CPU time of a process tree from /proc (Linux): what a request costs the server, which a shared machine's
// load does not change much, unlike requests per second.
import { readdirSync, readFileSync } from 'node:fs'

// Clock ticks per second of /proc/<pid>/stat's utime and stime: 100 on every Linux the service runs on.
const ticksPerSecond = 100

function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // The process ended while we looked.
    }
  }
  return parents
}

/** The pid and its descendants. */
export function processTree(root: number): number[] {
  const parents = parentsByPid()
  const tree = [root]
  for (let index = 0; index < tree.length; index += 1) for (const [pid, parent] of parents) if (parent === tree[index]) tree.push(pid)
  return tree
}

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command: state is field 3, utime field 14, stime field 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return 0
  }
}

/** CPU milliseconds (user + system) the process tree under `root` has used so far. */
export function cpuMs(root: number): number {
  return (processTree(root).reduce((sum, pid) => sum + cpuTicks(pid), 0) * 1000) / ticksPerSecond
}

/** The pids of every PostgreSQL backend process (they run as children of the postmaster, named "postgres"). */
export function postgresPids(): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry))
    } catch {
      // Gone, or not ours to read.
    }
  }
  return pids
}

/** CPU ticks used so far by each PostgreSQL process on this machine (the benchmark's and anyone else's). */
export function postgresTicks(): Map<number, number> {
  return new Map(postgresPids().map((pid) => [pid, cpuTicks(pid)]))
}

/**
 * CPU milliseconds PostgreSQL used between two readings, counting only processes alive at both: a backend
 * that ended in between (another connection closing) would otherwise take its whole past with it.
 */
export function postgresCpuMsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ticks = 0
  for (const [pid, end] of after) {
    const start = before.get(pid)
    if (start !== undefined && end >= start) ticks += end - start
  }
  return (ticks * 1000) / ticksPerSecond
}
