/**
 * Shares one read among the callers that are waiting for it, without ever answering a caller with a read that
 * began before it asked. A caller that arrives while no read is running starts one; callers that arrive while
 * one is running all wait for the next, which starts as soon as the running one ends. Every answer therefore
 * sees everything that had finished before its caller asked, as a read of its own would, but under load many
 * callers share one read instead of sending one each.
 */
export function freshReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined
  let next: Promise<T> | undefined
  const start = (): Promise<T> => {
    const current = read()
    running = current
    const ended = () => {
      if (running === current) running = undefined
    }
    current.then(ended, ended)
    return current
  }
  return () => {
    if (running === undefined) return start()
    next ??= running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      next = undefined
      return start()
    })
    return next
  }
}
