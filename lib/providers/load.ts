import 'server-only'
import { withProcessDb } from '@/db'
import * as changes from './changes'
import * as queries from './queries'
import * as limit from './limit-body'
import * as served from './served'

// The one door from the register API's routes to providers' data (docs/decisions/0017): the functions of the
// same name in queries.ts and changes.ts, with this process's database supplied. Benchmarks and tests call those.

export const listProviders = withProcessDb(queries.listProviders)
export const findProvider = withProcessDb(queries.findProvider)
export const readProviderChanges = withProcessDb(changes.readProviderChanges)
export const providerListBody = withProcessDb(served.providerListBody)
export const providerBody = withProcessDb(served.providerBody)
export const providerChangesBody = withProcessDb(served.providerChangesBody)
export const precomputedBody = withProcessDb(limit.precomputedBody)
