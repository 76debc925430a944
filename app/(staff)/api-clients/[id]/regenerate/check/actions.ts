'use server'

import { notFound, redirect } from 'next/navigation'
import { regenerateApiClientToken } from '@/lib/api-clients/load'
import { markTokenRegenerated, readRegenerateDraft } from '@/lib/api-clients/drafts'
import { tokenSettings } from '@/lib/api-clients/token-settings'
import { staffAction } from '@/lib/auth/staff-action'
import { systemClock } from '@/lib/clock'

/**
 * What Regenerate token returns. As with Save API client (docs/decisions/0007), the new token travels only
 * in this action's response, shown once by the form that posted it.
 */
export type RegenerateState = { status: 'unsaved' } | { status: 'regenerated'; name: string; token: string; previousTokenStopsAt: string; at: string }

/**
 * Check your answers, Regenerate token: regenerates with the overlap kept from step 1 (never a value posted
 * with this form). The command locks the client and checks again that the person may manage it (404 if
 * not) and that it is active (else its page). The answer is then marked used, so a resubmission or a
 * revisit goes to the client's page and never makes a second token.
 */
export const regenerateToken = staffAction(
  async (user, clientId: string, _previous: RegenerateState, _formData: FormData): Promise<RegenerateState> => {
    const path = `/api-clients/${clientId}`
    const overlap = await readRegenerateDraft(user.id, clientId)
    if (overlap === undefined) redirect(path)
    const at = systemClock()
    const result = await regenerateApiClientToken({ id: clientId, actor: user, at, overlap, tokens: tokenSettings() })
    if (result.outcome !== 'regenerated') {
      if (result.outcome === 'not-found') notFound()
      redirect(path)
    }
    await markTokenRegenerated(user.id, clientId)
    return {
      status: 'regenerated',
      name: result.client.name,
      token: result.token,
      previousTokenStopsAt: result.previousTokenStopsAt.toISOString(),
      at: at.toISOString(),
    }
  },
)
