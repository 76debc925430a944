// What the server's memory is made of, read from its own /metrics (prom-client's default process metrics), for
// bench/api.ts's memory lines: target 6 is about resident memory, and V8's heap, its unused part and memory
// outside the heap call for different fixes.

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** The value of one series in Prometheus text, or undefined. `labels` is the exact label text, e.g. `space="old"`. */
export function seriesValue(text: string, name: string, labels?: string): number | undefined {
  const head = labels === undefined ? `${name} ` : `${name}{${labels}} `
  const line = text.split('\n').find((candidate) => candidate.startsWith(head))
  return line === undefined ? undefined : Number(line.slice(head.length).split(' ')[0])
}

/** One line: resident memory, V8's heap (used of total), its old, new, large-object and code spaces, and external memory. */
export function heapBreakdown(text: string, prefix = 'rotp_'): string {
  const value = (name: string, labels?: string) => seriesValue(text, `${prefix}${name}`, labels) ?? Number.NaN
  return [
    `RSS ${megabytes(value('process_resident_memory_bytes'))}`,
    `heap ${megabytes(value('nodejs_heap_size_used_bytes'))} used of ${megabytes(value('nodejs_heap_size_total_bytes'))}`,
    `old space ${megabytes(value('nodejs_heap_space_size_used_bytes', 'space="old"'))} of ${megabytes(value('nodejs_heap_space_size_total_bytes', 'space="old"'))}`,
    `new space ${megabytes(value('nodejs_heap_space_size_total_bytes', 'space="new"'))}`,
    `large objects ${megabytes(value('nodejs_heap_space_size_total_bytes', 'space="large_object"'))}`,
    `code ${megabytes(value('nodejs_heap_space_size_total_bytes', 'space="code"'))}`,
    `external ${megabytes(value('nodejs_external_memory_bytes'))}`,
  ].join(', ')
}

/** The server's memory breakdown now, or why it could not be read. */
export async function readHeapBreakdown(origin: string, token: string): Promise<string> {
  try {
    const answer = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } })
    return answer.ok ? heapBreakdown(await answer.text()) : `/metrics answered ${answer.status}`
  } catch (error) {
    return `/metrics unreadable: ${String(error)}`
  }
}
