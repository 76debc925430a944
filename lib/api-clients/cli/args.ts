import { parseArgs, type ParseArgsConfig } from 'node:util'
import { formats, type Format } from './output'

type StringOptions = Record<string, { type: 'string' }>

/** A command's parsed command line: its options' values, its positional arguments and the output format. */
export type CommandArgs<Names extends string> = {
  values: Partial<Record<Names, string>>
  positionals: string[]
  format: Format
  help: boolean
}

/** Parsed arguments, or the sentence that says what is wrong with them (a usage error). */
export type ParsedArgs<Names extends string> = { ok: true; args: CommandArgs<Names> } | { ok: false; message: string }

/**
 * Reads one command's arguments with node:util parseArgs, strictly: an unknown option, a missing value or an
 * extra argument is a usage error rather than a guess (a repeated option takes its last value, as parseArgs
 * does). Every command also takes --format and --help.
 */
export function parseCommandArgs<Names extends string>(args: string[], names: readonly Names[], maxPositionals: number): ParsedArgs<Names> {
  const options: ParseArgsConfig['options'] = {
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...(Object.fromEntries(names.map((name) => [name, { type: 'string' }])) as StringOptions),
  }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true })
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  const format = values.format ?? 'text'
  if (!(formats as readonly unknown[]).includes(format)) return { ok: false, message: `--format must be text or json, not '${String(format)}'` }
  if (parsed.positionals.length > maxPositionals) {
    return { ok: false, message: `Unexpected argument '${parsed.positionals[maxPositionals] ?? ''}'` }
  }
  const strings = Object.fromEntries(names.map((name) => [name, values[name]])) as Partial<Record<Names, string>>
  return { ok: true, args: { values: strings, positionals: parsed.positionals, format: format as Format, help: values.help === true } }
}
