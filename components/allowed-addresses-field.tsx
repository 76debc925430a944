import { Textarea } from './govuk/textarea'

/** The id (and field name) of the allowed IP addresses textarea; error summaries and Change links point at it. */
export const allowedAddressesId = 'allowed-addresses'

const hint = 'Enter one IP address or range on each line, like 192.0.2.10 or 198.51.100.0/24. Leave this empty to allow any address.'

type Props = { value: string; error?: string; asPageHeading?: boolean }

/**
 * The allowed IP addresses question: optional on Add API client (below the other details), the whole page
 * on its own Change page, where the label is the page's heading as GOV.UK question pages do it.
 */
export function AllowedAddressesField({ value, error, asPageHeading = false }: Props) {
  return (
    <Textarea
      id={allowedAddressesId}
      name={allowedAddressesId}
      rows={5}
      spellcheck={false}
      autocomplete="off"
      label={
        asPageHeading
          ? { text: 'Allowed IP addresses', classes: 'govuk-label--l', isPageHeading: true }
          : { text: 'Allowed IP addresses (optional)', classes: 'govuk-label--m' }
      }
      hint={{ text: hint }}
      value={value}
      errorMessage={error ? { text: error } : undefined}
    />
  )
}
