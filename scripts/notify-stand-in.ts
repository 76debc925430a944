// `npx tsx scripts/notify-stand-in.ts`: the GOV.UK Notify stand-in (scripts/notify-stand-in/server.ts) on
// loopback at E2E_PORT + 51 (3151 by default), with the journeys' made-up service id and key. The journeys
// start it (playwright.config.ts); for development, see README ("Expiry reminders").
import { notifyStandInPort, standInNotify } from '../e2e/support/environment'
import { startNotifyStandIn } from './notify-stand-in/server'

const port = Number(notifyStandInPort(process.env.E2E_PORT ?? '3100'))
const standIn = await startNotifyStandIn({ serviceId: standInNotify.serviceId, secret: standInNotify.secret, port })
console.info(`Notify stand-in: ${standIn.url} (messages at ${standIn.url}/_test/messages)`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void standIn.close().finally(() => process.exit(0)))
