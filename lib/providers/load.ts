import 'server-only'
import { withProcessDb } from '@/db'
import * as changes from './changes'
import * as queries from './queries'

// The one door from the register API's routes to providers' data (docs/decisions/0017): the functions of the
// same name in queries.ts and changes.ts, with this process's database supplied. Benchmarks and tests call those.

export const listProviders = withProcessDb(queries.listProviders)
export const findProvider = withProcessDb(queries.findProvider)
export const readProviderChanges = withProcessDb(changes.readProviderChanges)
