/** Liveness for load balancers: the process answers. It does not touch the database. */
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
}
