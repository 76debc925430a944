import { isUnservedAddress, notFoundResponse, otherMethods } from '@/lib/api/methods'

/** Liveness for load balancers: the process answers. It does not touch the database. */
export function GET(request: Request) {
  if (isUnservedAddress(request, { switchedOffWithApi: false })) return notFoundResponse()
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ switchedOffWithApi: false })
