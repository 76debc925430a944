import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Button } from '@/components/govuk/button'
import { TableRegion } from '@/components/table-region'
import { PageTitle } from '@/components/page-title'
import { PaginatedResults } from '@/components/paginated-results'
import { SuccessBanner } from '@/components/success-banner'
import { UserStatusTag } from '@/components/user-status-tag'
import { requireGeneralAccess } from '@/lib/auth/current-user'
import { readFlash } from '@/lib/flash'
import { parsePageNumber, totalPages } from '@/lib/pagination'
import { usersPerPage } from '@/lib/users/list'
import { listUsers } from '@/lib/users/load'

type Props = { searchParams: Promise<{ page?: string | string[] }> }

/** Users: everyone who may use the service (docs/product/users.md). General access only; API-only users get the 403 page. */
export default async function UsersPage({ searchParams }: Props) {
  await requireGeneralAccess()
  const page = parsePageNumber((await searchParams).page)
  const { items, total } = await listUsers(page)
  const pages = totalPages({ perPage: usersPerPage, total })
  if (page > pages) notFound()
  const heading = `Users (${total})`
  // 'User added' and 'User deleted' arrive here ('User deleted' because a deleted user's page is gone).
  const flash = await readFlash('/users')

  return (
    <>
      {/* Which page, as Activity says: the title is what a screen reader announces first. */}
      <PageTitle title={pages > 1 ? `${heading} (page ${page} of ${pages})` : heading} />
      {flash ? <SuccessBanner heading={flash} /> : null}
      <h1 className="govuk-heading-l">{heading}</h1>
      <Button text="Add user" href="/users/new" />
      <TableRegion
        caption="Users"
        captionClasses="govuk-visually-hidden"
        head={[{ text: 'Name' }, { text: 'Email address' }, { text: 'API user' }, { text: 'Status' }]}
        rows={items.map((user) => [
          {
            html: (
              <Link className="govuk-link" href={`/users/${user.id}`}>
                {user.name}
              </Link>
            ),
          },
          { text: user.email },
          { text: user.apiUser ? 'Yes' : 'No' },
          { html: <UserStatusTag active={user.active} /> },
        ])}
      />
      <PaginatedResults window={{ page, perPage: usersPerPage, total }} href={(number) => `/users?page=${number}`} />
    </>
  )
}
