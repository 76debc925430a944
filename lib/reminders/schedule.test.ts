import { describe, expect, it } from 'vitest'
import { expiryDatesWithReminders, reminderDueToday, withinWindow } from './schedule'

describe('reminderDueToday', () => {
  const expiresOn = '2027-03-31'

  it('gives each reminder on its day: 30, 7 and 1 day before, and the day after expiry', () => {
    expect(reminderDueToday(expiresOn, '2027-03-01')).toEqual({ kind: '30-days', dueOn: '2027-03-01' })
    expect(reminderDueToday(expiresOn, '2027-03-24')).toEqual({ kind: '7-days', dueOn: '2027-03-24' })
    expect(reminderDueToday(expiresOn, '2027-03-30')).toEqual({ kind: '1-day', dueOn: '2027-03-30' })
    expect(reminderDueToday(expiresOn, '2027-04-01')).toEqual({ kind: 'expired', dueOn: '2027-04-01' })
  })

  it('gives none before the first, or between them once a day late', () => {
    expect(reminderDueToday(expiresOn, '2027-02-28')).toBeUndefined()
    expect(reminderDueToday(expiresOn, '2027-03-02')).toEqual({ kind: '30-days', dueOn: '2027-03-01' })
    expect(reminderDueToday(expiresOn, '2027-03-03')).toBeUndefined()
    expect(reminderDueToday(expiresOn, '2027-03-23')).toBeUndefined()
  })

  it('still gives the 1-day reminder on the expiry date itself, a day late', () => {
    expect(reminderDueToday(expiresOn, '2027-03-31')).toEqual({ kind: '1-day', dueOn: '2027-03-30' })
  })

  it('gives the expired one for a week after expiry, then nothing', () => {
    expect(reminderDueToday(expiresOn, '2027-04-08')).toEqual({ kind: 'expired', dueOn: '2027-04-01' })
    expect(reminderDueToday(expiresOn, '2027-04-09')).toBeUndefined()
  })

  it('covers every expiry date with a reminder due in one range', () => {
    const today = '2027-03-15'
    const { from, to } = expiryDatesWithReminders(today)
    for (let day = -60; day <= 60; day += 1) {
      const date = new Date(Date.UTC(2027, 2, 15 + day)).toISOString().slice(0, 10)
      if (reminderDueToday(date, today)) expect(date >= from && date <= to, date).toBe(true)
    }
    expect({ from, to }).toEqual({ from: '2027-03-07', to: '2027-04-14' })
  })

  it('counts a window in whole UK dates', () => {
    expect(withinWindow('7-days', '2027-03-24', '2027-03-23')).toBe(false)
    expect(withinWindow('7-days', '2027-03-24', '2027-03-25')).toBe(true)
    expect(withinWindow('7-days', '2027-03-24', '2027-03-26')).toBe(false)
  })
})
