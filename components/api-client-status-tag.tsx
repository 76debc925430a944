import { Tag } from './govuk/tag'
import { statusTags, type ApiClientStatus } from '@/lib/api-clients/status'

/** Active (teal), Expired (grey) or Revoked (orange). */
export function ApiClientStatusTag({ status, classes }: { status: ApiClientStatus; classes?: string }) {
  const tag = statusTags[status]
  return <Tag text={tag.text} classes={classes ? `${tag.classes} ${classes}` : tag.classes} />
}
