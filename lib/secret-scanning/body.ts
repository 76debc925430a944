/** A body over the limit: the caller answers 413 without having read (or held) the rest. */
export const tooLarge = 'too-large'

/**
 * The raw bytes of a request body, at most `maxBytes` of them. The signature is over these exact bytes, so the
 * body is read as bytes, never parsed and re-serialised first; a body that says or turns out to be larger is
 * refused without reading on, so a caller cannot make the server hold more than the limit.
 */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array | typeof tooLarge> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return tooLarge
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
