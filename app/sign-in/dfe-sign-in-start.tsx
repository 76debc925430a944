import { Button } from '@/components/govuk/button'

/** The id the error summary links to when signing in with DfE Sign-in did not work. */
export const dfeSignInStartId = 'dfe-sign-in'

/**
 * The start button for DfE Sign-in: a link, so it works without JavaScript and no form post is
 * redirected to another site (docs/decisions/0010-dfe-sign-in-starts-from-a-link.md).
 */
export function DfeSignInStart({ callbackUrl }: { callbackUrl?: string }) {
  const href = `/sign-in/dfe-sign-in${callbackUrl ? `?${new URLSearchParams({ callbackUrl })}` : ''}`
  return (
    <>
      <p className="govuk-body">Use your DfE Sign-in account to sign in to the Register of training providers.</p>
      <Button href={href} text="Sign in with DfE Sign-in" isStartButton id={dfeSignInStartId} />
    </>
  )
}
