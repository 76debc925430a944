import { problemResponse } from './responses'
import type { InvalidParam } from '@/lib/providers/list-query'

/** The 400 problem naming every refused parameter (RFC 9457 section 3's `invalid_params`, in snake_case like the rest of the API). */
export function invalidParamsProblem(invalidParams: InvalidParam[]) {
  const detail = invalidParams.map(({ name, reason }) => `${name} ${reason}`).join('; ')
  return { status: 400, title: 'Bad Request', detail, invalid_params: invalidParams }
}

/** The 400 problem+json response naming every refused parameter. */
export function invalidParamsResponse(invalidParams: InvalidParam[], requestId: string): Response {
  return problemResponse(invalidParamsProblem(invalidParams), requestId)
}

/** 404 problem+json for a provider the API does not serve; it does not say whether it was never there, archived or deleted. */
export function providerNotFoundResponse(requestId: string): Response {
  return problemResponse({ status: 404, title: 'Not Found', detail: 'There is no provider with this id.' }, requestId)
}

/** The 410 for a cursor ahead of everything this register has done: it came from another environment, or from before a restore. */
export function cursorGoneResponse(requestId: string): Response {
  return problemResponse(
    {
      status: 410,
      title: 'Gone',
      detail: 'This cursor is not one this register can carry on from. Start again without a cursor and replace your copy with what the feed serves.',
    },
    requestId,
  )
}
