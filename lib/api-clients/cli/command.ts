import type { CommandArgs } from './args'
import type { CliContext, ExitCode } from './output'

/** One command of `npm run clients`: the options it takes, how many positional arguments, and what it does. */
export type CliCommand<Names extends string = string> = {
  options: readonly Names[]
  /** The positional arguments it needs (an ID, for most). */
  positionals: readonly string[]
  run: (context: CliContext, args: CommandArgs<Names>) => Promise<ExitCode>
}

/** Declares a command with its option names checked against what it reads. */
export function defineCommand<Names extends string>(command: CliCommand<Names>): CliCommand<Names> {
  return command
}
