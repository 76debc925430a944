import { afterEach, describe, expect, it } from 'vitest'
import { onShutdown, runShutdownTasks, shutdownTaskNames } from './shutdown-tasks'

const holder = globalThis as typeof globalThis & { __registerShutdownTasks?: unknown[] }

afterEach(() => {
  holder.__registerShutdownTasks?.splice(0)
})

describe('the shutdown steps', () => {
  it('run phase by phase whatever order they were registered in: the database closes last', async () => {
    const ran: string[] = []
    onShutdown('database', 'database', () => void ran.push('database'))
    onShutdown('disconnect', 'redis', () => void ran.push('redis'))
    onShutdown('flush', 'usage', async () => {
      await new Promise((done) => setTimeout(done, 10))
      ran.push('usage')
    })
    onShutdown('stop', 'reminders', () => void ran.push('reminders'))
    expect(shutdownTaskNames()).toEqual(['reminders', 'usage', 'redis', 'database'])
    expect(await runShutdownTasks(1_000, () => {})).toEqual([])
    expect(ran).toEqual(['reminders', 'usage', 'redis', 'database'])
  })

  it('go on past a step that fails or hangs, and say which ones did', async () => {
    const ran: string[] = []
    const reported: string[] = []
    onShutdown('flush', 'hangs', () => new Promise(() => {}))
    onShutdown('disconnect', 'throws', () => {
      throw new Error('Redis is gone')
    })
    onShutdown('database', 'database', () => void ran.push('database'))
    const failed = await runShutdownTasks(50, (name, problem) => reported.push(`${name}: ${problem instanceof Error ? problem.message : ''}`))
    expect(failed).toEqual(['hangs', 'throws'])
    expect(reported).toEqual(['hangs: did not finish within 50 ms', 'throws: Redis is gone'])
    expect(ran).toEqual(['database'])
  })
})
