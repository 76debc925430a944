import { overlapChoices } from '../overlap'

/** The commands of `npm run clients`, in the order the help lists them. */
export const commandNames = ['list', 'show', 'create', 'revoke', 'delete', 'regenerate', 'history'] as const
export type CommandName = (typeof commandNames)[number]

const exitCodesText = `Exit codes:
  0  done
  1  unexpected error (the database could not be reached, a bug)
  2  usage error: unknown command or option, missing argument
  3  not found: no such API client (or no such user for --creator)
  4  validation failed: the Add API client form's own messages
  5  conflict: the client is already revoked or has expired, or the name is taken`

const formatText = `  --format text|json  text (default) for people; json for scripts: one document on stdout,
                      ISO 8601 dates, null for what has not happened`

/** The help for the whole tool (`npm run clients -- --help`). */
export const toolHelp = `Usage: npm run clients -- <command> [options]

Manage API clients from the command line. Every change is recorded in each client's history as made by
"System (command line)", and every instance of the service stops or starts accepting tokens on its next
request, exactly as when staff use the pages. Uses DATABASE_URL, or the embedded database (PGLITE_DIR) when
it is not set; stderr says which.

Commands:
  list        list API clients (--creator EMAIL, --status active|expired|revoked)
  show        show one API client
  create      add an API client for a user and print its token, once
  revoke      revoke an API client: its tokens stop working
  delete      delete an API client: it disappears from lists, its history stays
  regenerate  give an API client a new token and print it, once
  history     show an API client's history, newest first

Options for every command:
${formatText}
  -h, --help          help for a command: npm run clients -- <command> --help

${exitCodesText}
`

const commandHelp: Record<CommandName, string> = {
  list: `Usage: npm run clients -- list [--creator EMAIL] [--status active|expired|revoked] [--format text|json]

Lists the API clients that are not deleted, by name. --creator keeps one user's clients (exit code 3 if no
user has that email address); --status keeps the clients with that status today (UK date).`,
  show: `Usage: npm run clients -- show ID [--format text|json]

Shows one API client: name, status, expiry date, token hint, creator and when it was added and last used.`,
  create: `Usage: npm run clients -- create --name NAME --expires-on YYYY-MM-DD --creator EMAIL [--format text|json]

Adds an API client that belongs to the user with that email address, as if they had added it, and prints its
token once, on stdout (with --format json, as the "token" field). Copy it then: it cannot be shown again.
The name and expiry date are checked as the Add API client form checks them (exit code 4, or 5 for a name
the user's clients already have); the expiry date must be from tomorrow to 12 months ahead.`,
  revoke: `Usage: npm run clients -- revoke ID [--format text|json]

Revokes an active API client: every token it has stops working on the next request, on every instance.
Exit code 5 if it is already revoked or has expired.`,
  delete: `Usage: npm run clients -- delete ID [--format text|json]

Deletes an API client, whatever its status: its tokens stop working and it disappears from every list. Its
history is kept.`,
  regenerate: `Usage: npm run clients -- regenerate ID --overlap ${overlapChoices.join('|')} [--format text|json]

Gives an active API client a new token and prints it once, on stdout (with --format json, as the "token"
field). --overlap says when the current token stops working: immediately, or after 1 hour, 24 hours or 7
days, never after the client expires. Exit code 5 if the client is revoked or has expired.`,
  history: `Usage: npm run clients -- history ID [--format text|json]

Shows every change to an API client, newest first, with who made it and when.`,
}

/** The help for one command, ending with the options every command takes and the exit codes. */
export function helpFor(command: CommandName): string {
  return `${commandHelp[command]}

Options:
${formatText}
  -h, --help          this help

${exitCodesText}
`
}
