const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether a path segment can be a record id; anything else is answered with 404 before a query runs. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value)
}
