'use server'

import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { safeCallbackPath } from '@/lib/auth/callback-url'
import { signInWithEmailAndPassword } from '@/lib/auth/password-sign-in'
import { lockMinutes } from '@/lib/auth/sign-in-attempts'
import { emailFormatMessage, isPossibleSignInEmail } from '@/lib/auth/sign-in-email'
import { startSession } from '@/lib/auth/session'
import { env } from '@/lib/env'
import { formStateWithErrors, readFields, type FormState } from '@/lib/forms/form-state'

export type SignInValues = { email: string; password: string }
export type SignInState = FormState<SignInValues>

const fields = ['email', 'password'] as const

/**
 * Signs a person in with their email address and password. The password is never echoed back, and a
 * wrong email and a wrong password get the same message.
 */
export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  if (!env().CREDENTIALS_SIGN_IN_ENABLED) redirect('/sign-in')
  const { email, password } = readFields(formData, fields)
  const values = { email, password: '' }
  const errors: Partial<SignInValues> = {}
  if (email.trim() === '') errors.email = 'Enter your email address'
  // A NUL byte, a line break or a letter outside ASCII cannot be in anyone's address: refused before any lookup.
  else if (!isPossibleSignInEmail(email.trim())) errors.email = emailFormatMessage
  if (password === '') errors.password = 'Enter your password'
  // An address that cannot be anyone's is not echoed back either: it may hold control characters.
  if (errors.email === emailFormatMessage) values.email = ''
  if (errors.email || errors.password) return formStateWithErrors(values, errors, fields)

  const result = await signInWithEmailAndPassword({ email, password }, await headers())
  if (result.outcome === 'inactive') redirect('/account-not-active')
  if (result.outcome === 'refused') {
    return formStateWithErrors(values, { email: 'Enter a correct email address and password' }, fields)
  }
  if (result.outcome === 'bad-email') return formStateWithErrors({ ...values, email: '' }, { email: emailFormatMessage }, fields)
  if (result.outcome === 'locked' || result.outcome === 'caller-limited') {
    return formStateWithErrors(values, { email: `You have tried to sign in too many times. Wait ${lockMinutes} minutes, then try again` }, fields)
  }
  await startSession(result.user)
  // The layout's navigation depends on who is signed in.
  revalidatePath('/', 'layout')
  const callbackUrl = formData.get('callbackUrl')
  redirect(safeCallbackPath(typeof callbackUrl === 'string' ? callbackUrl : undefined))
}
