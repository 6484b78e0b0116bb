// Everyone's latest posts, for a newcomer who follows nobody yet. The social_* RPC pages posts
// by author, feed, thread and quotes but has no "all posts" index, so this walks post ids
// down from `posts.nextPostId` (ids are given out in order) and skips deleted ones.

import { UserError } from './errors.js'

/**
 * A page of the latest posts of every account, newest first, as the social_* pages are:
 * `{ items, next }`, `next` being the cursor of the next page or null. Reads at most `scan`
 * post ids per page, so a run of deleted posts gives a short page, never a long wait.
 * `chain` is what `connect()` returns.
 */
export async function latestPosts (chain, cursor = null, limit = 20, { scan = 5 * limit } = {}) {
  let id
  if (cursor === null || cursor === undefined) {
    id = (await chain.api.query.posts.nextPostId()).toNumber() - 1
  } else {
    if (!/^\d+$/.test(String(cursor))) throw new UserError(`"${cursor}" is not a cursor of the latest posts`)
    id = Number(cursor)
  }
  const items = []
  let scanned = 0
  while (items.length < limit && id >= 0 && scanned < scan) {
    const batch = Math.min(limit - items.length, scan - scanned, id + 1)
    const ids = Array.from({ length: batch }, (_, i) => id - i)
    const posts = await Promise.all(ids.map((n) => chain.call('social_post', [n])))
    items.push(...posts.filter(Boolean))
    id -= batch
    scanned += batch
  }
  return { items, next: id >= 0 ? String(id) : null }
}
