import { formatDate } from '@/lib/dates'
import type { UsageDay } from '@/lib/usage/report'
import styles from './usage-chart.module.css'

// The drawing's own units; the SVG scales to its column's width, text with it.
const width = 600
const top = 24
const plotHeight = 120
const bottom = top + plotHeight
const height = bottom + 24

const count = (value: number) => value.toLocaleString('en-GB')
const shortDate = (day: string) => formatDate(day).replace(/ \d{4}$/, '')

/** The chart's text alternative: what a sighted reader takes from it (the table below has every figure). */
export function usageChartDescription(days: UsageDay[]): string {
  const first = days[0]
  const last = days.at(-1)
  if (!first || !last) return ''
  const total = days.reduce((sum, day) => sum + day.total, 0)
  const busiest = days.reduce((most, day) => (day.total > most.total ? day : most), first)
  const span = `from ${formatDate(first.day)} to ${formatDate(last.day)}`
  return `Bar chart of requests a day ${span}: ${count(total)} in all, the most on ${formatDate(busiest.day)} (${count(busiest.total)}).`
}

/**
 * Requests a day as bars, drawn on the server: no client JavaScript, one image with a text alternative
 * (its labels are part of the picture, so assistive technology hears the description once).
 */
export function UsageChart({ days }: { days: UsageDay[] }) {
  const most = Math.max(1, ...days.map((day) => day.total))
  const slot = width / Math.max(days.length, 1)
  const first = days[0]
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={usageChartDescription(days)}
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      <text className={styles.label} x={0} y={14}>
        {count(most)}
      </text>
      {days.map((day, index) => {
        const barHeight = (day.total / most) * plotHeight
        // A day with requests is never thinner than a line, so one request among thousands still shows.
        const drawn = day.total > 0 ? Math.max(barHeight, 1) : 0
        return <rect key={day.day} className={styles.bar} x={index * slot + slot * 0.15} y={bottom - drawn} width={slot * 0.7} height={drawn} />
      })}
      <line className={styles.axis} x1={0} x2={width} y1={bottom + 0.5} y2={bottom + 0.5} />
      {first ? (
        <text className={styles.label} x={0} y={height - 4}>
          {shortDate(first.day)}
        </text>
      ) : null}
      <text className={styles.label} x={width} y={height - 4} textAnchor="end">
        Today
      </text>
    </svg>
  )
}
