import { afterEach, describe, expect, it } from 'vitest'
import { newSigningKey, signReport, startKeyServer, type KeyServer } from '@/test/github-signing'
import { parseKeyList, PublicKeyStore } from './public-keys'
import { isValidSignature } from './signature'

const ttlMs = 60 * 60 * 1000
const minRefetchMs = 60 * 1000
let server: KeyServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A store over the local key server, on a clock the test moves. */
function storeOn(url: string) {
  const clock = { now: 1_000_000 }
  const store = new PublicKeyStore({ url, ttlMs, minRefetchMs, clock: () => clock.now })
  return { store, clock }
}

describe('the cache of GitHub’s published keys', () => {
  it('fetches the list once, then answers from memory while it is fresh', async () => {
    const signer = newSigningKey()
    server = await startKeyServer([signer])
    const { store, clock } = storeOn(server.url)
    const first = await store.keyFor(signer.keyIdentifier)
    clock.now += ttlMs - 1
    const second = await store.keyFor(signer.keyIdentifier)
    expect(first.outcome).toBe('found')
    expect(second.outcome).toBe('found')
    expect(server.requests()).toBe(1)
    const body = Buffer.from('[]')
    if (second.outcome !== 'found') return
    expect(isValidSignature(body, Buffer.from(signReport('[]', signer), 'base64'), second.key)).toBe(true)
  })

  it('fetches again for an unknown key id, but not again within the refetch limit', async () => {
    server = await startKeyServer([newSigningKey()])
    const { store, clock } = storeOn(server.url)
    await store.keyFor('first-unknown')
    expect(server.requests()).toBe(1)
    clock.now += 1
    expect(await store.keyFor('second-unknown')).toEqual({ outcome: 'unknown' })
    clock.now += minRefetchMs - 2
    expect(await store.keyFor('third-unknown')).toEqual({ outcome: 'unknown' })
    // The first lookup fetched the list; the next two came within a minute of it, so they fetched nothing.
    expect(server.requests()).toBe(1)
    clock.now += 1
    expect(await store.keyFor('fourth-unknown')).toEqual({ outcome: 'unknown' })
    expect(server.requests()).toBe(2)
  })

  it('finds a rotated key: a new key served after the cache held the old one', async () => {
    const old = newSigningKey()
    const rotated = newSigningKey()
    server = await startKeyServer([old])
    const { store, clock } = storeOn(server.url)
    expect((await store.keyFor(old.keyIdentifier)).outcome).toBe('found')
    server.serve([rotated, old])
    clock.now += minRefetchMs
    expect((await store.keyFor(rotated.keyIdentifier)).outcome).toBe('found')
    expect((await store.keyFor(old.keyIdentifier)).outcome).toBe('found')
    expect(server.requests()).toBe(2)
  })

  it('shares one fetch among concurrent requests', async () => {
    const signer = newSigningKey()
    server = await startKeyServer([signer])
    const { store } = storeOn(server.url)
    const lookups = await Promise.all([1, 2, 3, 4].map(() => store.keyFor(signer.keyIdentifier)))
    expect(lookups.map((lookup) => lookup.outcome)).toEqual(['found', 'found', 'found', 'found'])
    expect(server.requests()).toBe(1)
  })

  it('renews a stale list with a conditional request, and keeps it when the answer is “not modified”', async () => {
    const signer = newSigningKey()
    server = await startKeyServer([signer])
    const { store, clock } = storeOn(server.url)
    await store.keyFor(signer.keyIdentifier)
    clock.now += ttlMs
    expect((await store.keyFor(signer.keyIdentifier)).outcome).toBe('found')
    clock.now += ttlMs - 1
    expect((await store.keyFor(signer.keyIdentifier)).outcome).toBe('found')
    expect(server.requests()).toBe(2)
  })

  it('keeps the keys it holds when GitHub cannot be reached, and is unavailable when it never had any', async () => {
    const signer = newSigningKey()
    server = await startKeyServer([signer])
    const { store, clock } = storeOn(server.url)
    await store.keyFor(signer.keyIdentifier)
    await server.close()
    server = undefined
    clock.now += ttlMs
    expect((await store.keyFor(signer.keyIdentifier)).outcome).toBe('found')

    const never = storeOn('http://127.0.0.1:9/meta/public_keys/secret_scanning').store
    expect(await never.keyFor(signer.keyIdentifier)).toEqual({ outcome: 'unavailable' })
  })

  it('reads GitHub’s list shape, skipping keys it cannot use, and refuses a list with none', () => {
    const signer = newSigningKey()
    const list = JSON.stringify({
      public_keys: [
        { key_identifier: 'broken', key: 'not a key', is_current: false },
        { key_identifier: signer.keyIdentifier, key: signer.publicKeyPem, is_current: true },
      ],
    })
    expect([...parseKeyList(list).keys()]).toEqual([signer.keyIdentifier])
    expect(() => parseKeyList(JSON.stringify({ public_keys: [] }))).toThrow()
    expect(() => parseKeyList('{"keys": []}')).toThrow()
    expect(() => parseKeyList('not json')).toThrow()
  })
})
