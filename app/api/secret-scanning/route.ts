import { otherLeakReportMethod, receiveLeakReport } from '@/lib/secret-scanning/endpoint'

/**
 * GitHub's secret-scanning partner endpoint: GitHub posts tokens it found in public, signed; ours are revoked at
 * once (docs/product/secret-scanning.md). Everything is in lib/secret-scanning/endpoint.ts.
 */
export const POST = receiveLeakReport
export const GET = otherLeakReportMethod
export const PUT = otherLeakReportMethod
export const PATCH = otherLeakReportMethod
export const DELETE = otherLeakReportMethod
export const OPTIONS = otherLeakReportMethod
