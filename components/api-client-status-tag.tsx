import { Tag } from './govuk/tag'
import { statusTags, type ApiClientTag } from '@/lib/api-clients/status'

/** Active (teal), Expires soon (yellow), Expired (grey) or Revoked (orange). */
export function ApiClientStatusTag({ status, classes }: { status: ApiClientTag; classes?: string }) {
  const tag = statusTags[status]
  return <Tag text={tag.text} classes={classes ? `${tag.classes} ${classes}` : tag.classes} />
}
