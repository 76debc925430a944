import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm'
import { apiClients, apiClientTokens, users } from '@/db/schema'
import { controlCharacterMessage, hasControlCharacter } from '@/lib/forms/plain-text'
import { hintLength, tokenPrefix } from '@/lib/tokens/format'

/** What the API clients list searches for: words in a name or creator, or the hint of a pasted token. */
export type ClientSearch = { kind: 'text'; text: string } | { kind: 'token'; hint: string; shown: string }

/** The search box as read: nothing to search for, a search, or the message to show by the box. */
export type ClientSearchResult = { ok: true; search: ClientSearch | undefined } | { ok: false; message: string }

// Longer than any client name (200) or e-mail address (254) anyone would type, and than a whole token (59).
export const longestSearch = 300

// The start of a token: the prefix, its environment word and at least the 4 characters of the hint. What
// follows is never read, so a whole token pasted in is matched by its hint alone and compared with nothing.
const tokenStart = new RegExp(`^${tokenPrefix}(live|test)_([0-9A-Za-z]{${hintLength}})[0-9A-Za-z]*$`)

/** Reads `?q=`: trimmed; empty means no search; too long or with control characters is refused with a message. */
export function parseClientSearch(raw: string | string[] | undefined): ClientSearchResult {
  const text = (Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')).trim()
  if (text === '') return { ok: true, search: undefined }
  if (text.length > longestSearch) return { ok: false, message: `Search must be ${longestSearch} characters or fewer` }
  if (hasControlCharacter(text)) return { ok: false, message: controlCharacterMessage('Search') }
  const token = tokenStart.exec(text)
  if (token?.[1] && token[2]) return { ok: true, search: { kind: 'token', hint: token[2], shown: `${tokenPrefix}${token[1]}_${token[2]}` } }
  return { ok: true, search: { kind: 'text', text } }
}

/** The words the page repeats back: the text, or the start of the token it matched (never the rest of it). */
export function searchedFor(search: ClientSearch): string {
  return search.kind === 'token' ? search.shown : search.text
}

/** `%`, `_` and `\` stand for themselves, so `50%` finds "50%" and `a_b` does not find "axb". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/**
 * The clients a search matches (with `users` joined as the creator): a token's hint against any of the
 * client's tokens, or else the text anywhere in the client's name, the creator's name or e-mail address, ignoring case.
 */
export function matchingApiClients(search: ClientSearch | undefined): SQL | undefined {
  if (!search) return undefined
  if (search.kind === 'token') {
    const ofThisClient = and(eq(apiClientTokens.clientId, apiClients.id), eq(apiClientTokens.tokenHint, search.hint))
    return sql`exists (select 1 from ${apiClientTokens} where ${ofThisClient})`
  }
  const pattern = `%${escapeLike(search.text)}%`
  return or(ilike(apiClients.name, pattern), ilike(sql`${users.firstName} || ' ' || ${users.lastName}`, pattern), ilike(users.email, pattern))
}

/** The search the list applies for `?q=`: none when the box is empty or what is in it is refused. */
export function listSearch(params: URLSearchParams): ClientSearch | undefined {
  const result = parseClientSearch(params.get('q') ?? undefined)
  return result.ok ? result.search : undefined
}

/** The heading over a search's results: how many match, or that none do. */
export function searchResultsHeading(total: number, search: ClientSearch): string {
  const quoted = `“${searchedFor(search)}”`
  if (total === 0) return `No API clients match ${quoted}`
  return total === 1 ? `1 API client matches ${quoted}` : `${total} API clients match ${quoted}`
}

/** The list's address for a page of a search, so pagination keeps the search. */
export function listHref(search: ClientSearch | undefined, page: number): string {
  const params = new URLSearchParams()
  if (search) params.set('q', searchedFor(search))
  params.set('page', String(page))
  return `/api-clients?${params.toString()}`
}

/** What the search box shows again: the search, or refused text cut to length and without its control characters. */
export function searchBoxValue(raw: string | string[] | undefined, search: ClientSearch | undefined): string {
  if (search) return searchedFor(search)
  const text = Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/gu, '').slice(0, longestSearch)
}
