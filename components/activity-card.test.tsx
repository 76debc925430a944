import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { ActivityItem } from '@/lib/history/activity'
import { ActivityCard } from './activity-card'

const added: ActivityItem = {
  id: 1,
  // 14:22 in UTC is 2:22pm in London in winter (GMT).
  at: new Date('2026-01-21T14:22:00Z'),
  action: 'added',
  subject: 'api-client',
  title: 'API client added',
  actorName: 'Anne Wilson',
  clientName: 'Acme <CRM>',
  expiresOn: '2027-01-02',
  href: '/api-clients/5b1f0f3e-9f4a-4d7e-8a61-2f1c3b9d0a11',
}

/** The card's HTML as the server renders it. */
function render(item: ActivityItem, headingLevel?: 2 | 3): string {
  return renderToStaticMarkup(<ActivityCard item={item} headingLevel={headingLevel} />)
}

describe('ActivityCard', () => {
  it('shows what happened, the client, its expiry date and who did it when', () => {
    const html = render(added)
    expect(html).toContain('<h2 class="govuk-summary-card__title">API client added</h2>')
    expect(html).toContain('<a class="govuk-link" href="/api-clients/5b1f0f3e-9f4a-4d7e-8a61-2f1c3b9d0a11">Acme &lt;CRM&gt;</a>')
    expect(html).toContain('2 January 2027')
    expect(html).toContain('By Anne Wilson on <time dateTime="2026-01-21T14:22:00.000Z">21 January 2026 at 2:22pm</time>')
  })

  it('uses the heading level it is given, so it fits under a day heading on the Activity page', () => {
    expect(render(added, 3)).toContain('<h3 class="govuk-summary-card__title">API client added</h3>')
  })

  it('does not link a deleted client, whose pages are gone', () => {
    const html = render({ ...added, title: 'API client deleted', href: undefined })
    expect(html).not.toContain('<a ')
    expect(html).toContain('Acme &lt;CRM&gt;')
  })

  it('shows a rename as the old and the new name', () => {
    const html = render({ ...added, title: 'API client updated', clientName: 'Acme CRM', previousName: 'Acme' })
    expect(html).toMatch(/Old client name<\/dt><dd class="govuk-summary-list__value">Acme<\/dd>/)
    expect(html).toMatch(/New client name<\/dt><dd class="govuk-summary-list__value"><a [^>]+>Acme CRM<\/a><\/dd>/)
    expect(html).not.toContain('>Client name<')
  })

  it('shows a user’s name, email address and API user answer, and what an update changed', () => {
    const user: ActivityItem = {
      ...added,
      subject: 'user',
      title: 'User updated',
      action: 'updated',
      name: 'Ada Byron',
      email: 'ada@education.gov.uk',
      apiUser: false,
      previousName: 'Ada Lovelace',
      previousApiUser: true,
      href: '/users/5b1f0f3e-9f4a-4d7e-8a61-2f1c3b9d0a12',
    }
    const html = render(user)
    expect(html).toMatch(/Old name<\/dt><dd class="govuk-summary-list__value">Ada Lovelace<\/dd>/)
    expect(html).toMatch(/New name<\/dt><dd class="govuk-summary-list__value"><a [^>]+\/users\/[^>]+>Ada Byron<\/a><\/dd>/)
    expect(html).toMatch(/>Email address<\/dt><dd class="govuk-summary-list__value">ada@education.gov.uk<\/dd>/)
    expect(html).toMatch(/Old API user<\/dt><dd class="govuk-summary-list__value">Yes<\/dd>/)
    expect(html).toMatch(/New API user<\/dt><dd class="govuk-summary-list__value">No<\/dd>/)
    expect(html).not.toContain('Expiry date')
  })

  it('says why the system revoked a client: its creator deactivated, or its token found in public and where', () => {
    const revoked = { ...added, action: 'revoked' as const, title: 'API client revoked', actorName: null }
    expect(render({ ...revoked, revokedReason: 'creator-deactivated' })).toMatch(
      /Reason<\/dt><dd class="govuk-summary-list__value">The user who created it was deactivated<\/dd>/,
    )
    const url = 'https://github.com/o/r/blob/1/a.txt?x=<y>'
    expect(render({ ...revoked, revokedReason: 'token-found-in-public', foundAtUrl: url })).toContain(
      'Reason</dt><dd class="govuk-summary-list__value"><span class="govuk-!-text-break-word">Token found in public: https://github.com/o/r/blob/1/a.txt?x=&lt;y&gt;</span></dd>',
    )
    expect(render({ ...revoked, revokedReason: 'token-found-in-public', foundAtUrl: '' })).toMatch(
      /Reason<\/dt><dd class="govuk-summary-list__value">Token found in public<\/dd>/,
    )
  })

  it('names the system, or a deleted user, as the actor', () => {
    expect(render({ ...added, actorName: null })).toContain('By the system on ')
    expect(render({ ...added, actorName: 'Deleted user' })).toContain('By Deleted user on ')
  })
})
