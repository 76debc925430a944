import { shownAllowedAddress } from '@/lib/api-clients/allowed-addresses'

/** A client's allowed IP addresses as a summary list value: one a line, or `Any address` when there are none. */
export function AllowedAddressesValue({ addresses }: { addresses: readonly string[] }) {
  if (addresses.length === 0) return <>Any address</>
  return (
    <ul className="govuk-list">
      {addresses.map((address) => (
        <li key={address}>{shownAllowedAddress(address)}</li>
      ))}
    </ul>
  )
}
