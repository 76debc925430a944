'use client'

import { useActionState, type ReactNode } from 'react'

type Props = {
  /** A server action that ends with a redirect (it is called with the form's state and data, which it may ignore). */
  action: () => Promise<void>
  /** This page's own address, written as the form's action for when JavaScript is not running. */
  permalink: string
  children: ReactNode
}

/**
 * A form posting to a server action with a real `action` attribute. React writes `action=""` for a server
 * action (invalid HTML, and without JavaScript the browser keeps a #fragment after saving); useActionState's
 * permalink writes this address instead, and Next runs the action posted to it.
 */
export function ActionForm({ action, permalink, children }: Props) {
  const [, formAction] = useActionState<void, FormData>(action, undefined, permalink)
  return <form action={formAction}>{children}</form>
}
