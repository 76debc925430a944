import type { FrontDoorStore } from './front-door'

// The front door's request store (lib/http/front-door.ts), read through globalThis so that this module
// pulls no Node.js module into the browser bundles of forms that import lib/forms.
const holder = globalThis as typeof globalThis & { __registerFrontDoor?: { storage: { getStore(): FrontDoorStore | undefined } } }

/**
 * Marks the current request as the caller's fault and throws: the front door then answers 400 instead of
 * the 500 Next would send for the thrown error. For what Next cannot map to a status itself, like server
 * action arguments of the wrong kind.
 */
export function badRequest(reason: string): never {
  const store = holder.__registerFrontDoor?.storage.getStore()
  if (store) store.badRequest = true
  throw new BadRequestError(reason)
}

/** The name of the error badRequest() throws, which is how other bundles recognise it. */
export const badRequestErrorName = 'BadRequestError'

/** The error badRequest() throws. */
export class BadRequestError extends Error {
  override name = badRequestErrorName
}
