import type { RevisionOrigin } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/roles'

/**
 * The operator's command line (`npm run clients`, docs/decisions/0024). It is nobody signed in: its changes
 * are the system's (actor null) with the origin `command-line`, so the History card says `System (command
 * line)`, and it may manage every client that is not deleted, as a general-access user may.
 */
export const commandLine = { kind: 'command-line' } as const

/** Who the History card and a client's page say made a change the command line made. */
export const commandLineActorName = 'System (command line)'

/** Who makes a change to an API client: a signed-in person, or the operator's command line. */
export type Actor = CurrentUser | typeof commandLine

/** Whether the change is the command line's rather than a person's. */
export function isCommandLine(actor: Actor): actor is typeof commandLine {
  return 'kind' in actor && actor.kind === 'command-line'
}

/** The user id a change records as its actor: the person's, or null (the system) for the command line. */
export function actorIdOf(actor: Actor): string | null {
  return isCommandLine(actor) ? null : actor.id
}

/** The origin a change's revision records: set only for the command line's changes. */
export function originOf(actor: Actor): RevisionOrigin | undefined {
  return isCommandLine(actor) ? 'command-line' : undefined
}
