import Link from 'next/link'
import { Button } from '@/components/govuk/button'
import { Input } from '@/components/govuk/input'

type Props = { value: string; error?: string; showCreator: boolean }

/** The search box on the API clients list: a GET form to the list itself, so it works without JavaScript. */
export function ApiClientSearch({ value, error, showCreator }: Props) {
  const what = showCreator ? 'Client name, creator’s name or email address' : 'Client name'
  return (
    <form action="/api-clients" method="get" role="search" noValidate>
      <Input
        id="q"
        name="q"
        type="search"
        label={{ text: 'Search API clients', classes: 'govuk-label--s' }}
        hint={{ text: `${what}, or the start of a token, for example rotp_live_Ab12` }}
        value={value}
        spellcheck={false}
        classes="govuk-!-width-two-thirds"
        errorMessage={error ? { text: error } : undefined}
      />
      <div className="govuk-button-group">
        <Button text="Search" classes="govuk-button--secondary" />
        {value ? (
          <Link className="govuk-link" href="/api-clients">
            Clear search
          </Link>
        ) : null}
      </div>
    </form>
  )
}
