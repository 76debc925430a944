import { commandLine } from '../actor'
import { regenerateApiClientToken } from '../commands'
import { isOverlapChoice, overlapChoices } from '../overlap'
import { defineCommand } from './command'
import { notActiveMessage } from './change'
import { exitCodes, fail } from './output'
import { clientNotFound } from './show'
import { printClientWithToken } from './token-output'

/**
 * `regenerate ID --overlap immediately|1-hour|24-hours|7-days`: a new token, printed once. The overlap has no
 * default, as the page has none: how long the current token keeps working is the operator's decision.
 */
export const regenerateCommand = defineCommand({
  options: ['overlap'],
  positionals: ['ID'],
  async run({ db, io, clock, tokens }, { values, positionals: [id = ''], format }) {
    if (!isOverlapChoice(values.overlap)) {
      const given = values.overlap === undefined ? 'missing' : `'${values.overlap}' is not one of them`
      return fail(io, exitCodes.usage, `--overlap must be one of ${overlapChoices.join(', ')} (${given})`)
    }
    const now = clock()
    const result = await regenerateApiClientToken(db, { id, actor: commandLine, at: now, overlap: values.overlap, tokens })
    if (result.outcome !== 'regenerated') {
      if (!result.client) return fail(io, exitCodes.notFound, clientNotFound(id))
      return fail(io, exitCodes.conflict, notActiveMessage(result.client, now))
    }
    return printClientWithToken({ db, io, now, format }, id, result.token, 'Token regenerated')
  },
})
