import { deleteCommand, revokeCommand } from './change'
import type { CliCommand } from './command'
import { createCommand } from './create'
import type { CommandName } from './help'
import { historyCommand } from './history'
import { listCommand } from './list'
import { regenerateCommand } from './regenerate'
import { showCommand } from './show'

/** Every command of `npm run clients`, by name. */
export const cliCommands: Record<CommandName, CliCommand> = {
  list: listCommand as CliCommand,
  show: showCommand as CliCommand,
  create: createCommand as CliCommand,
  revoke: revokeCommand as CliCommand,
  delete: deleteCommand as CliCommand,
  regenerate: regenerateCommand as CliCommand,
  history: historyCommand as CliCommand,
}
