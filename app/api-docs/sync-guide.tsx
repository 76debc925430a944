import { InsetText } from '@/components/govuk/inset-text'
import { paging } from '@/lib/providers/list-query'
import { Code, CodeBlock } from './code-block'

const exampleLoop = `let cursor = await store.cursor() // null the first time
for (;;) {
  const url = '/api/v1/providers/changes?per_page=500' + (cursor ? '&cursor=' + cursor : '')
  const response = await fetch(origin + url, { headers: { Authorization: 'Bearer ' + token } })
  if (response.status === 429) { await sleep(Number(response.headers.get('Retry-After')) * 1000); continue }
  if (response.status === 410 || response.status === 400) { await store.startAgain(); cursor = null; continue }
  if (!response.ok) throw new Error('register API: ' + response.status)
  const { data, meta } = await response.json()
  await store.transaction(async (copy) => {
    for (const entry of data) {
      if (entry.change === 'updated') await copy.put(entry.id, entry.provider)
      else await copy.delete(entry.id)
    }
    await copy.saveCursor(meta.next_cursor)
  })
  cursor = meta.next_cursor
  if (!meta.has_more) break // up to date: poll again in a few minutes
}`

/** How to keep a copy of the register with the change feed: the guide /api-docs links to as "Keeping a copy of the register". */
export function SyncGuide() {
  return (
    <>
      <h2 className="govuk-heading-m" id="sync-guide">
        Keeping a copy of the register
      </h2>
      <p className="govuk-body">
        Use <Code>GET /api/v1/providers/changes</Code>, the change feed, to keep a copy of the register in your own system. It serves every change to
        a provider, removals included, in an order that a client can follow with a cursor without missing any, whatever is being changed at the same
        time. Numbered pages of <Code>GET /api/v1/providers</Code> cannot do that: they are for browsing and one-off reads.
      </p>

      <h3 className="govuk-heading-s" id="sync-initial-load">
        The first load
      </h3>
      <ol className="govuk-list govuk-list--number">
        <li>
          Ask for <Code>{`/api/v1/providers/changes?per_page=${paging.maxPerPage}`}</Code> with no cursor: the feed starts from the beginning of the
          register.
        </li>
        <li>
          Apply each entry of <Code>data</Code> in order: an <Code>updated</Code> entry carries the whole provider, exactly as{' '}
          <Code>GET /api/v1/providers/&#123;id&#125;</Code> serves it, to add or to replace the one you hold; a <Code>removed</Code> entry means the
          provider was archived or deleted, so delete it from your copy (the first load can include removals of providers you never had: ignore them).
        </li>
        <li>
          Store <Code>meta.next_cursor</Code> with the changes, in the same transaction if you can, then follow <Code>links.next</Code> while{' '}
          <Code>meta.has_more</Code> is true.
        </li>
      </ol>
      <p className="govuk-body">When has_more is false your copy is the live register. Keep the cursor: it does not expire.</p>

      <h3 className="govuk-heading-s" id="sync-polling">
        Polling for changes
      </h3>
      <p className="govuk-body">
        Every few minutes, ask for <Code>links.next</Code> of the last page (the same as <Code>?cursor=</Code> your stored cursor), apply the changes
        as before and follow <Code>links.next</Code> while <Code>has_more</Code> is true. Within a page each provider appears at most once, at its
        latest state; a provider changed again later appears again later. When nothing has changed the answer is <Code>data: []</Code>,{' '}
        <Code>has_more: false</Code> and the same cursor.
      </p>
      <p className="govuk-body">
        A change appears in the feed only when every transaction that could commit before it has committed. A change that takes a long time to commit
        holds the feed back by that long, usually well under a second, instead of being passed and missed.
      </p>

      <h3 className="govuk-heading-s" id="sync-removals">
        Removals
      </h3>
      <p className="govuk-body">
        Archived and deleted providers are served as <Code>{'{ "change": "removed", "id": …, "changed_at": … }'}</Code>, with no provider. A provider
        that is restored comes back as <Code>updated</Code>. The feed keeps one entry for every provider there has ever been, removals included, so a
        cursor never gets too old to use.
      </p>

      <h3 className="govuk-heading-s" id="sync-not-modified">
        Not modified: 304
      </h3>
      <p className="govuk-body">
        Responses of the feed, of <Code>GET /api/v1/providers</Code> and of <Code>GET /api/v1/providers/&#123;id&#125;</Code> have an{' '}
        <Code>ETag</Code>. Send it back as <Code>If-None-Match</Code> with the same request: while the answer is the same, you get{' '}
        <Code>304 Not Modified</Code> with headers and no body. For the feed that means nothing has changed since your cursor: keep it.
      </p>

      <h3 className="govuk-heading-s" id="sync-rate-limits">
        Too many requests: 429
      </h3>
      <p className="govuk-body">
        Wait for the number of seconds in <Code>Retry-After</Code>, then send the same request again, with the same cursor. Nothing is lost while you
        wait. Pages of {paging.maxPerPage} load the whole register in about 100 requests, well inside a minute’s limit.
      </p>

      <h3 className="govuk-heading-s" id="sync-start-again">
        Starting again: 410 and 400
      </h3>
      <p className="govuk-body">
        A <Code>410 Gone</Code> means the register cannot carry on from your cursor: it came from another environment, or the register was restored
        from a backup since. A <Code>400 Bad Request</Code> naming <Code>cursor</Code> means the cursor was damaged or is not one the API gave you. In
        both cases, start again without a cursor into a fresh copy, and when it has caught up replace your old copy with it (so any provider it does
        not hold is dropped).
      </p>

      <h3 className="govuk-heading-s" id="sync-example">
        Example
      </h3>
      <p className="govuk-body">The whole loop, in JavaScript, with your own store for the copy and the cursor:</p>
      <CodeBlock>{exampleLoop}</CodeBlock>
      <InsetText>
        Do not keep a copy with <Code>changed_since</Code>. Numbered pages shift when providers change between requests, so a row can be skipped;
        archived and deleted providers just stop appearing; and <Code>updated_at</Code> is when the changing transaction began, so a change that
        commits late can carry a time older than one you already hold.
      </InsetText>
    </>
  )
}
