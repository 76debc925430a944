import { createHash } from 'node:crypto'
import { z } from 'zod'

/**
 * One match in GitHub's report: the string found, the token type we registered, the public address it was found at
 * (GitHub's docs say it may be empty) and where on GitHub (`content`, `commit`, `issue_comment`, …).
 */
export type LeakedToken = { token: string; type: string; url: string; source: string }

// Bounds keep one report from carrying strings far beyond anything a token or an address needs.
const leakedTokenSchema = z.object({
  token: z.string().max(1_000),
  type: z.string().max(200),
  // GitHub's docs say the address may be empty; null or absent are taken the same way.
  url: z.string().max(2_000).nullish().transform((value) => value ?? ''),
  source: z.string().max(100).nullish().transform((value) => value ?? 'unknown'),
})
const reportSchema = z.array(leakedTokenSchema).min(1).max(10_000)

/** A report's matches, or undefined when the body is not a JSON array of GitHub's match objects. */
export function parseReport(body: Uint8Array): LeakedToken[] | undefined {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body))
  } catch {
    return undefined
  }
  const result = reportSchema.safeParse(json)
  return result.success ? result.data : undefined
}

/** GitHub's verdict on one match: ours (whether or not it still worked) or not. */
export type LeakLabel = 'true_positive' | 'false_positive'

/** One entry of our answer, as GitHub's feedback format has it: the token only as its plain SHA-256. */
export type LeakAnswer = { token_hash: string; token_type: string; label: LeakLabel }

/** The answer for one match. The plain SHA-256 is what GitHub asks for; it is not how we store tokens (HMAC with the pepper). */
export function leakAnswer(match: LeakedToken, label: LeakLabel): LeakAnswer {
  return { token_hash: createHash('sha256').update(match.token, 'utf8').digest('hex'), token_type: match.type, label }
}
