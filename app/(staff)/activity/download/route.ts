import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { requireUser } from '@/lib/auth/current-user'
import { systemClock } from '@/lib/clock'
import { exportFileName, parseExportRange, readExportRangeValues } from '@/lib/history/export-range'
import { activityCsv } from '@/lib/history/load'
import { textStream } from '@/lib/http/text-stream'
import { logger } from '@/lib/logger'

/**
 * Download as CSV on the Activity page: a GET form, so it works without JavaScript. It checks the session
 * itself (the proxy only checks a cookie decrypts); a bad range goes back to the page, which shows the errors.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const viewer = await requireUser()
  const values = readExportRangeValues(request.nextUrl.searchParams)
  const range = parseExportRange(values, systemClock())
  if (!range.ok) redirect(`/activity?${new URLSearchParams(values).toString()}`)
  logger.info('activity downloaded', { userId: viewer.id, from: range.from, to: range.to })
  return new Response(textStream(activityCsv(viewer, range), 'activity download'), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exportFileName(range)}"`,
      'Cache-Control': 'no-store',
    },
  })
}
