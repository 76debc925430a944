// `npx tsx bench/allowlist.ts` (npm run bench:allowlist): what a client's IP allowlist costs a register API
// request (docs/decisions/0026). In process only: the check the route wrapper adds (fromAllowedAddress: the
// client address from X-Forwarded-For, then one BlockList check), for lists of 1, 10 and 50 ranges, IPv4 and
// IPv6 callers, as the median of 7 runs of 200,000 less the same loop for a client without a list (which reads no address). Also
// what compiling a 50-range list costs, which happens once per token lookup, not per request.
import { performance } from 'node:perf_hooks'
import { compileAddressAllowlist } from '../lib/api-clients/address-allowlist'
import { fromAllowedAddress } from '../lib/api/allowed-address'
import { clientAddress } from '../lib/api/client-address'
import type { VerifiedClient } from '../lib/tokens/verify'

const runs = 7
const perRun = 200_000
const log = (line: string) => console.info(line)
const base: VerifiedClient = { id: 'c', name: 'Bench', expiresOn: '2027-03-31', createdById: 'u', tokenStopsAt: null }

const ranges = (count: number) =>
  Array.from({ length: count }, (_, index) => (index % 2 === 0 ? `10.${index}.0.0/16` : `2001:db8:${index.toString(16)}::/48`))

// Where the loop leaves its work, so that it is not optimised away; printed with the figures.
let kept = 0

function nsPerCheck(client: VerifiedClient, headers: Headers[]): number {
  const times: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now()
    for (let index = 0; index < perRun; index += 1) if (fromAllowedAddress(client, headers[index % headers.length] as Headers, 1)) kept += 1
    times.push(((performance.now() - started) * 1e6) / perRun)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN
}

const callers = {
  IPv4: ['10.0.1.2', '198.51.100.7', '10.48.3.3'].map((address) => new Headers({ 'x-forwarded-for': `203.0.113.1, ${address}` })),
  IPv6: ['2001:db8:1::5', '2001:db8:ffff::1'].map((address) => new Headers({ 'x-forwarded-for': address })),
}

const bare = nsPerCheck(base, callers.IPv4)
log(`no allowlist (the bare loop): ${bare.toFixed(0)} ns a request`)
// Most of what follows is reading the address, which a refused token's rate limit pays for already.
const addressStarted = performance.now()
for (let index = 0; index < perRun; index += 1) kept += clientAddress(callers.IPv4[index % 3] as Headers, 1).length
log(`reading X-Forwarded-For alone (clientAddress): ${(((performance.now() - addressStarted) * 1e6) / perRun).toFixed(0)} ns`)
for (const count of [1, 10, 50]) {
  const client = { ...base, addressAllowlist: compileAddressAllowlist(ranges(count)) }
  for (const [family, headers] of Object.entries(callers)) {
    log(`${String(count).padStart(2)} ranges, ${family} caller: +${(nsPerCheck(client, headers) - bare).toFixed(0)} ns a request`)
  }
}
const compileStarted = performance.now()
for (let index = 0; index < 10_000; index += 1) if (compileAddressAllowlist(ranges(50))) kept += 1
log(`compiling 50 ranges: ${(((performance.now() - compileStarted) * 1e3) / 10_000).toFixed(1)} µs, once per token lookup`)
log(`(kept ${kept})`)
