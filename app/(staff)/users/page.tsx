import { notFound } from 'next/navigation'
import { Table } from '@/components/govuk/table'
import { Tag } from '@/components/govuk/tag'
import { PageTitle } from '@/components/page-title'
import { PaginatedResults } from '@/components/paginated-results'
import { getDb } from '@/db'
import { requireGeneralAccess } from '@/lib/auth/current-user'
import { parsePageNumber, totalPages } from '@/lib/pagination'
import { listUsers, usersPerPage } from '@/lib/users/list'

type Props = { searchParams: Promise<{ page?: string | string[] }> }

/** Users: everyone who may use the service. General access only; API-only users get the 403 page. */
export default async function UsersPage({ searchParams }: Props) {
  await requireGeneralAccess()
  const page = parsePageNumber((await searchParams).page)
  const { items, total } = await listUsers(await getDb(), page)
  if (page > totalPages({ perPage: usersPerPage, total })) notFound()
  const heading = `Users (${total})`

  return (
    <>
      <PageTitle title={heading} />
      <h1 className="govuk-heading-l">{heading}</h1>
      <Table
        caption="Users"
        captionClasses="govuk-visually-hidden"
        head={[{ text: 'Name' }, { text: 'Email address' }, { text: 'API user' }, { text: 'Status' }]}
        rows={items.map((user) => [
          { text: user.name },
          { text: user.email },
          { text: user.apiUser ? 'Yes' : 'No' },
          { html: user.active ? <Tag text="Active" classes="govuk-tag--teal" /> : <Tag text="Inactive" classes="govuk-tag--grey" /> },
        ])}
      />
      <PaginatedResults window={{ page, perPage: usersPerPage, total }} href={(number) => `/users?page=${number}`} />
    </>
  )
}
