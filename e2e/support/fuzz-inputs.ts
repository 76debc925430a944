/** A small seeded pseudo-random generator (mulberry32): the same seed gives the same inputs on any machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Characters that have broken services like this one: control characters (NUL first), quotes and SQL,
// markup, a format string, escapes, the edges of Unicode, invisible and right-to-left marks, and emoji.
const pieces = [
  '\u0000',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  "'",
  '"',
  '`',
  ';',
  '--',
  '%',
  '%00',
  '%s',
  '%n',
  '\\',
  '/',
  '<script>',
  '</title>',
  '&amp;',
  '${1}',
  '{{7*7}}',
  "' OR 1=1 --",
  '\u00a0',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '🚀',
  '👩🏽‍💻',
  '🇬🇧',
  'é',
  'ß',
  'İ',
  'Ω',
  '中',
  '0',
  '-1',
  '1e9',
  '0x10',
  '9999999999999999999999',
  '0000-01-01',
  '2026-02-30',
  'NaN',
  'null',
  'undefined',
  '[]',
  '{}',
  'yes',
  'no',
  '@education.gov.uk',
  'a@education.gov.uk',
  ' ',
  'a',
  'Z',
]

/** One generated text: a few pieces and random code points, now and then very long. */
export function fuzzText(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const roll = random()
  if (roll < 0.05) return ''
  if (roll < 0.1) return pick(pieces).repeat(1 + Math.floor(random() * 300))
  let text = ''
  const parts = 1 + Math.floor(random() * 6)
  for (let index = 0; index < parts; index += 1) {
    if (random() < 0.6) text += pick(pieces)
    else {
      // Any code point outside the surrogates (which cannot be sent as UTF-8).
      let codePoint = Math.floor(random() * 0x110000)
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) codePoint = 0xfffd
      text += String.fromCodePoint(codePoint)
    }
  }
  return text
}

/** The seed of this run: FUZZ_SEED to replay one, else a new one. */
export function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED
  if (given !== undefined && /^[0-9]+$/.test(given)) return Number(given)
  return Math.floor(Math.random() * 2 ** 31)
}

/** Whether a response body shows a stack trace or Next's bare error page. */
export function showsServerError(body: string): boolean {
  return /\n\s+at \S.*:\d+:\d+/.test(body) || body.includes('Internal Server Error') || /\b(?:TypeError|ReferenceError|PostgresError)\b/.test(body)
}
