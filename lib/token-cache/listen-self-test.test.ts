import { describe, expect, it } from 'vitest'
import { ListenSelfTest, selfTestPrefix } from './listen-self-test'

describe('ListenSelfTest', () => {
  it('confirms when its own notification comes back', async () => {
    const selfTest = new ListenSelfTest()
    const confirmed = await selfTest.run(async (payload) => {
      setTimeout(() => selfTest.heard(payload), 10)
    })
    expect(confirmed).toBe(true)
  })

  it('does not confirm when nothing comes back in time, or only another process’s test', async () => {
    const selfTest = new ListenSelfTest()
    const confirmed = await selfTest.run(async () => {
      selfTest.heard(`${selfTestPrefix}another-process`)
    }, 50)
    expect(confirmed).toBe(false)
  })

  it('tells self-tests apart from API client ids', () => {
    const selfTest = new ListenSelfTest()
    expect(selfTest.heard(`${selfTestPrefix}x`)).toBe(true)
    expect(selfTest.heard('0b8e6f2a-4c1d-4e3f-9a7b-5c6d7e8f9a0b')).toBe(false)
    expect(selfTest.heard('*')).toBe(false)
  })
})
