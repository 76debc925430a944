// The steps a stopping process takes after its last request, registered by the modules that own what is
// to be stopped, flushed or closed, where they create it. On globalThis, so that a module loaded by a route
// handler's bundle registers with the one list that the signal handler (loaded from instrumentation.ts) runs.

/** In this order: stop starting work, write what is held in memory, drop connections to other services, close the database last. */
export const shutdownPhases = ['stop', 'flush', 'disconnect', 'database'] as const
export type ShutdownPhase = (typeof shutdownPhases)[number]

type Task = { phase: ShutdownPhase; name: string; run: () => Promise<unknown> | unknown }

const holder = globalThis as typeof globalThis & { __registerShutdownTasks?: Task[] }
const tasks: Task[] = (holder.__registerShutdownTasks ??= [])

/** Registers a step of the shutdown; `name` says in the log what it was, if it fails or runs out of time. */
export function onShutdown(phase: ShutdownPhase, name: string, run: Task['run']): void {
  tasks.push({ phase, name, run })
}

/** The registered steps' names in the order they run (tests, logs). */
export function shutdownTaskNames(): string[] {
  return ordered().map((task) => task.name)
}

function ordered(): Task[] {
  return shutdownPhases.flatMap((phase) => tasks.filter((task) => task.phase === phase))
}

/**
 * Runs every step, phase by phase, each given at most `eachMs`: a step that fails or hangs is reported and
 * the next still runs, so a broken Redis cannot stop the database being closed or the process exiting.
 * Resolves with the names of the steps that did not finish cleanly.
 */
export async function runShutdownTasks(eachMs: number, report: (name: string, problem: unknown) => void): Promise<string[]> {
  const failed: string[] = []
  for (const task of ordered()) {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not finish within ${eachMs} ms`)), eachMs)
    })
    try {
      await Promise.race([Promise.resolve().then(task.run), timeout])
    } catch (problem) {
      failed.push(task.name)
      report(task.name, problem)
    } finally {
      clearTimeout(timer)
    }
  }
  return failed
}
