import { parseCommandArgs } from './args'
import { cliCommands } from './commands'
import { commandNames, helpFor, toolHelp, type CommandName } from './help'
import { exitCodes, fail, type CliContext, type CliIo, type ExitCode } from './output'

const isCommandName = (value: string | undefined): value is CommandName => (commandNames as readonly (string | undefined)[]).includes(value)

/** A command line read: finished already (help, or a usage error), or a command ready to run against a database. */
export type PreparedCommand = { done: ExitCode } | { run: (context: CliContext) => Promise<ExitCode> }

/**
 * Reads `npm run clients -- <argv>` without touching any database: help and usage errors are answered here,
 * so they work before a database is configured or reachable.
 */
export function prepareClients(argv: string[], io: CliIo): PreparedCommand {
  const [name, ...rest] = argv
  if (name === undefined) return { done: fail(io, exitCodes.usage, toolHelp) }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(toolHelp)
    return { done: exitCodes.ok }
  }
  if (!isCommandName(name)) {
    return { done: fail(io, exitCodes.usage, `Unknown command '${name}'. Commands: ${commandNames.join(', ')}`, 'Help: npm run clients -- --help') }
  }
  const command = cliCommands[name]
  const parsed = parseCommandArgs(rest, command.options, command.positionals.length)
  if (!parsed.ok) return { done: fail(io, exitCodes.usage, parsed.message, `Help: npm run clients -- ${name} --help`) }
  if (parsed.args.help) {
    io.out(helpFor(name))
    return { done: exitCodes.ok }
  }
  const missing = command.positionals.slice(parsed.args.positionals.length)
  if (missing.length > 0) {
    return {
      done: fail(io, exitCodes.usage, `Give the API client's ${missing.join(' ')}: npm run clients -- ${name} ${command.positionals.join(' ')}`),
    }
  }
  const { args } = parsed
  return { run: (context) => command.run(context, args) }
}

/**
 * Runs `npm run clients -- <argv>` against a database and returns its exit code (output.ts exitCodes). It
 * writes only through `context.io`, so tests call it directly; db/cli/clients.ts is the real entry point.
 */
export async function runClients(argv: string[], context: CliContext): Promise<ExitCode> {
  const prepared = prepareClients(argv, context.io)
  return 'done' in prepared ? prepared.done : prepared.run(context)
}
