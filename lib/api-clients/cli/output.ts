import type { Database } from '@/db/client'
import type { Clock } from '@/lib/clock'
import type { TokenSettings } from '../commands'

/**
 * The exit codes of `npm run clients`, fixed so scripts can rely on them (README: Command line for API clients).
 * Every failure says why on stderr as well.
 */
export const exitCodes = {
  ok: 0,
  /** Something went wrong that is not the command's fault: the database is down, a bug. */
  unexpected: 1,
  /** The command line itself is wrong: an unknown command or option, a missing argument. */
  usage: 2,
  /** No such API client (or user, for --creator): unknown ids, deleted clients and ids that are not ids alike. */
  notFound: 3,
  /** An answer the Add API client form would refuse, with the form's own message. */
  validation: 4,
  /** The change cannot be made to the client as it is: already revoked or expired, or the name is taken. */
  conflict: 5,
} as const

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]

/** Where a command writes: stdout for results (tokens included), stderr for everything else. */
export type CliIo = { out: (text: string) => void; err: (text: string) => void }

/** What every command runs with: the database, the writers, the clock and how new tokens are made. */
export type CliContext = { db: Database; io: CliIo; clock: Clock; tokens: TokenSettings }

export const formats = ['text', 'json'] as const
export type Format = (typeof formats)[number]

/** Prints a value as one JSON document on stdout: Dates become ISO 8601 strings (JSON.stringify does that). */
export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`)
}

/** Writes a failure to stderr and returns its exit code, so a command can `return fail(...)`. */
export function fail(io: CliIo, code: ExitCode, ...messages: string[]): ExitCode {
  io.err(messages.map((message) => `${message}\n`).join(''))
  return code
}

/** Rows as text columns, each as wide as its widest cell, under a header row. Empty rows print the header only. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => [...(row[column] ?? '')].length)))
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell + ' '.repeat((widths[column] ?? 0) - [...cell].length))).join('  ')
  return [header, ...rows].map((cells) => `${line(cells)}\n`).join('')
}

/** Labelled values, one a line, the values lined up: `Name         Payroll sync`. Undefined values are left out. */
export function formatFields(fields: [string, string | undefined][]): string {
  const shown = fields.filter((field): field is [string, string] => field[1] !== undefined)
  const width = Math.max(...shown.map(([label]) => label.length))
  return shown.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('')
}
