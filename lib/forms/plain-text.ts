import { z } from 'zod'

/**
 * Control characters: C0 (U+0000 to U+001F, which include NUL, tab, line feed and carriage return), DEL
 * (U+007F) and C1 (U+0080 to U+009F). PostgreSQL refuses NUL in text outright; the others are invisible,
 * would let a name start a new line in a log or a terminal, and make two names look alike. Every text the
 * service takes is one line (there is no textarea), so tabs and newlines are refused too, once the ends are
 * trimmed where a field is trimmed (a pasted trailing newline is forgiven, as spaces are).
 */
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/u

/** Whether the text contains a control character (C0, DEL or C1). */
export function hasControlCharacter(value: string): boolean {
  return controlCharacter.test(value)
}

/** The message for a form field that contains a control character, e.g. `Client name must only include …`. */
export function controlCharacterMessage(fieldName: string): string {
  return `${fieldName} must only include letters, numbers, spaces and symbols`
}

/** A string without control characters, refused with `message`: the one rule every text input shares. */
export function plainText(message: string) {
  return z.string().refine((value) => !hasControlCharacter(value), { error: message })
}
