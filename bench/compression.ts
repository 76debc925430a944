// `npx tsx --conditions=react-server bench/compression.ts`: what compressing a page of 100 providers would cost
// the server, per level (bench/README.md). Reads a page from DATABASE_URL (default rotp_bench, as bench/api.ts leaves it).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { openDatabase } from '../db/client'
import { providerListResponse } from '../lib/providers/present'
import { listProviders } from '../lib/providers/queries'

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rotp_bench'

function timed(label: string, body: Buffer, compress: (input: Buffer) => Buffer): string {
  const runs = 50
  compress(body)
  const started = performance.now()
  let size = 0
  for (let run = 0; run < runs; run += 1) size = compress(body).length
  return `${label}: ${((performance.now() - started) / runs).toFixed(2)} ms, ${(size / 1024).toFixed(1)} kB`
}

const connection = await openDatabase({ url })
try {
  const started = performance.now()
  const page = await listProviders(connection.db, {}, { page: 1, perPage: 100 })
  const body = Buffer.from(JSON.stringify(providerListResponse(page.providers, { path: '/api/v1/providers', filters: {}, page: 1, perPage: 100, total: page.total })))
  console.info(`A page of 100: ${(body.length / 1024).toFixed(1)} kB, built (queries, zod, JSON) in ${(performance.now() - started).toFixed(1)} ms once`)
  for (const level of [1, 6]) console.info(timed(`gzip ${level}`, body, (input) => gzipSync(input, { level })))
  for (const quality of [1, 4, 11]) console.info(timed(`brotli ${quality}`, body, (input) => brotliCompressSync(input, { params: { [constants.BROTLI_PARAM_QUALITY]: quality } })))
} finally {
  await connection.close()
}
