import { getTableColumns, getTableName, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Transaction } from '../client'
import { providers } from '../schema'

/**
 * Inserts many rows with one statement and one JSON parameter. Drizzle's `insert().values()` binds a
 * parameter per cell, and building those statements alone took about 0.2 s per 1,000 rows here; with JSON
 * typed by `json_populate_recordset` against the table, 40,000 providers seed about twice as fast, and no
 * statement meets PostgreSQL's 65,535-parameter limit. Rows keep the table's Drizzle insert type. A key
 * that some rows leave out is NULL in those rows, not the column default, so give every row the same keys.
 */
export async function insertRows<TTable extends PgTable>(tx: Transaction, table: TTable, rows: TTable['$inferInsert'][]): Promise<number> {
  if (rows.length === 0) return 0
  const columns: Record<string, PgColumn> = getTableColumns(table)
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((key) => {
    const column = columns[key]
    if (!column) throw new Error(`${getTableName(table)} has no column for ${key}`)
    return { key, name: column.name }
  })
  // JSON.stringify writes Dates as ISO 8601 in UTC, which timestamptz reads exactly.
  const json = JSON.stringify(rows.map((row: Record<string, unknown>) => Object.fromEntries(fields.map(({ key, name }) => [name, row[key] ?? null]))))
  const list = sql.join(
    fields.map(({ name }) => sql.identifier(name)),
    sql`, `,
  )
  await tx.execute(sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${json}::json)`)
  return rows.length
}

/**
 * Puts back the generated updated_at of providers whose touch_provider triggers fired. Rows that already
 * have their value are left alone: set_updated_at treats an UPDATE that leaves updated_at unchanged as an
 * ordinary change and would set it to now().
 */
export async function restoreProviderUpdatedAt(tx: Transaction, values: { id: string; updatedAt: Date }[]): Promise<void> {
  if (values.length === 0) return
  const json = JSON.stringify(values.map(({ id, updatedAt }) => ({ id, updated_at: updatedAt })))
  await tx.execute(sql`
    update ${providers} set updated_at = v.updated_at
    from json_to_recordset(${json}::json) as v(id uuid, updated_at timestamptz)
    where ${providers.id} = v.id and ${providers.updatedAt} is distinct from v.updated_at`)
}
