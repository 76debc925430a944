// The part of autocannon's API the benchmark uses; the package ships no types.
declare module 'autocannon' {
  type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p99: number }

  export type Result = {
    title?: string
    requests: Histogram & { total: number }
    latency: Histogram
    throughput: Histogram
    errors: number
    timeouts: number
    non2xx: number
    '2xx': number
    statusCodeStats: Record<string, { count: number }>
    duration: number
  }

  export type Options = {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    title?: string
    headers?: Record<string, string>
  }

  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
