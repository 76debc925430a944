import { describe, expect, it } from 'vitest'
import { textStream } from './text-stream'

/** A generator that records how many chunks were asked for, and whether it was stopped. */
function counted(chunks: string[]) {
  const state = { asked: 0, finished: false }
  async function* generate() {
    try {
      for (const chunk of chunks) {
        state.asked += 1
        yield chunk
      }
    } finally {
      state.finished = true
    }
  }
  return { state, generator: generate() }
}

describe('textStream', () => {
  it('sends the chunks as UTF-8, a byte order mark included', async () => {
    const { generator } = counted(['\uFEFFa,b\r\n', 'é → ü\r\n'])
    const text = await new Response(textStream(generator, 'test')).arrayBuffer()
    expect([...new Uint8Array(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(text)).toBe('\uFEFFa,b\r\né → ü\r\n')
  })

  it('asks for a chunk only when the reader wants one, and stops the generator when the reader gives up', async () => {
    const { state, generator } = counted(['1', '2', '3', '4', '5'])
    const reader = textStream(generator, 'test').getReader()
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('1')
    // A ReadableStream pulls once ahead of its reader (highWaterMark 1), never more.
    expect(state.asked).toBeLessThanOrEqual(2)
    await reader.cancel()
    expect(state.finished).toBe(true)
    expect(state.asked).toBeLessThanOrEqual(2)
  })
})
