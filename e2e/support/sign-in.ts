import { expect, type Page } from '@playwright/test'
import { demoPassword, demoUsers } from '@/db/seed/users'

export type DemoRole = 'general-access' | 'general-access-2' | 'api-only' | 'api-only-2' | 'inactive'

/** The seeded demo person for a role (README lists the same people). */
export function demoUser(role: DemoRole) {
  const index = { 'general-access': 0, 'general-access-2': 1, 'api-only': 2, 'api-only-2': 3, inactive: 4 }[role]
  const user = demoUsers[index]
  if (!user) throw new Error(`no demo user for ${role}`)
  return { ...user, name: `${user.firstName} ${user.lastName}`, password: demoPassword }
}

/** Signs in through the sign-in page as a person would. */
export async function signIn(page: Page, role: DemoRole, path = '/sign-in'): Promise<void> {
  const user = demoUser(role)
  await page.goto(path)
  await page.getByLabel('Email address').fill(user.email)
  await page.getByLabel('Password', { exact: true }).fill(user.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  if (role !== 'inactive') await expect(page.getByRole('link', { name: 'Sign out' })).toBeVisible()
}

/** Signs in with the email-and-password form as someone with the demo password (e2e/support/journey-users.ts). */
export async function signInWithPassword(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(demoPassword)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}
