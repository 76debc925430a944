/**
 * The Cancel link of a flow that keeps its answers in a draft: it goes to the route that forgets them.
 * A plain link, since next/link would prefetch that route and forget the draft too soon.
 */
export function CancelDraftLink({ href }: { href: string }) {
  return (
    <a className="govuk-link" href={href}>
      Cancel
    </a>
  )
}
