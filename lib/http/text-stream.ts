import { describeError, logger } from '@/lib/logger'

/**
 * A response body that asks the generator for its next chunk only when the client has read the last one, so a
 * slow download holds one chunk in memory, and a download the client abandons stops reading the database.
 */
export function textStream(chunks: AsyncGenerator<string>, what: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      } catch (error) {
        // The status and headers have gone already: the client sees a cut-short file, and the log says why.
        logger.error(`${what}: failed part way`, describeError(error))
        controller.error(error)
      }
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}
