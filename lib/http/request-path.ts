/** The path without its query: query parameters may hold personal data (a searched-for name or address). */
export function pathWithoutQuery(path: string): string {
  const end = path.search(/[?#]/)
  return end === -1 ? path : path.slice(0, end)
}
