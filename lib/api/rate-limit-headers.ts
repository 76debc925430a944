/** One rate-limit decision: whether the request may go on, and the bucket's state after counting it. */
export type RateLimitDecision = { allowed: boolean; limit: number; remaining: number; msBeforeReset: number }

/** Whole seconds until the window resets, never 0 (a client told to wait 0 s would retry at once). */
export function secondsUntilReset(msBeforeReset: number): number {
  return Math.max(1, Math.ceil(msBeforeReset / 1000))
}

/**
 * The RateLimit-Limit / -Remaining / -Reset headers (IETF httpapi draft, delta seconds) for every
 * response, and Retry-After on a refusal (RFC 9110).
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const reset = String(secondsUntilReset(decision.msBeforeReset))
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(Math.max(0, Math.min(decision.limit, decision.remaining))),
    'RateLimit-Reset': reset,
    ...(decision.allowed ? {} : { 'Retry-After': reset }),
  }
}
