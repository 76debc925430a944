import { describe, expect, it } from 'vitest'
import { allowedFailures, clearFailedSignIns, recordFailedSignIn, signInLocked } from './sign-in-attempts'

describe('sign-in attempts', () => {
  it('locks an email address after 10 failures, ignoring case and spaces, and unlocks it on success', async () => {
    const email = 'Guessed.Person@education.gov.uk'
    for (let attempt = 1; attempt < allowedFailures; attempt += 1) await recordFailedSignIn(email)
    await expect(signInLocked(email)).resolves.toBe(false)
    await recordFailedSignIn(` ${email.toUpperCase()} `)
    await expect(signInLocked(email.toLowerCase())).resolves.toBe(true)
    await expect(signInLocked('someone.else@education.gov.uk')).resolves.toBe(false)
    await clearFailedSignIns(email)
    await expect(signInLocked(email)).resolves.toBe(false)
  })
})
