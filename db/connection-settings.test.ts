import { describe, expect, it } from 'vitest'
import { connectionSettings } from './connection-settings'

const pool = 'postgres://app@pgbouncer.internal:6432/register'
const direct = 'postgres://app@postgres.internal:5432/register'

describe('connectionSettings', () => {
  it('uses DATABASE_URL for everything, unpooled, when nothing else is set', () => {
    expect(connectionSettings({ DATABASE_URL: direct })).toEqual({ url: direct, directUrl: direct, pooled: false })
  })

  it('treats the pool as PgBouncer when a different direct URL is given', () => {
    expect(connectionSettings({ DATABASE_URL: pool, DATABASE_DIRECT_URL: direct })).toEqual({ url: pool, directUrl: direct, pooled: true })
  })

  it('lets DATABASE_POOLED say so either way', () => {
    expect(connectionSettings({ DATABASE_URL: pool, DATABASE_POOLED: true }).pooled).toBe(true)
    expect(connectionSettings({ DATABASE_URL: pool, DATABASE_DIRECT_URL: direct, DATABASE_POOLED: false }).pooled).toBe(false)
  })

  it('gives nothing for the embedded database', () => {
    expect(connectionSettings({ DATABASE_DIRECT_URL: direct })).toEqual({})
  })
})
