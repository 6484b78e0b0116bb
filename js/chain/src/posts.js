// Everyone's latest posts, and accounts to follow, for a newcomer who follows nobody yet. The
// social_* RPC pages posts by author, feed, thread and quotes but has no "all posts" index, so
// this walks post ids down from `posts.nextPostId` (ids are given out in order) and skips
// deleted ones.

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

/**
 * Accounts `me` might follow, best first: `[{ account, viaFollowed, followers }]`. Candidates
 * are the accounts the ones `me` follows follow (friends of friends) and the authors of the
 * latest posts (so a newcomer who follows nobody gets some too); `me` and whom it follows are
 * left out. Ranked by how many of `me`'s followed accounts follow them, then by followers. All
 * from chain state: a few pages of `social_following`, the latest posts, and follow counts.
 */
export async function suggestedAccounts (chain, me, { limit = 5, sample = 20, maxFollowed = 1000 } = {}) {
  const followed = []
  if (me) {
    let cursor = null
    do {
      const page = await chain.call('social_following', [me, cursor, 100])
      followed.push(...page.items)
      cursor = page.next
    } while (cursor && followed.length < maxFollowed)
  }
  const skip = new Set([me, ...followed])
  const via = new Map()
  const theirs = await Promise.all(followed.slice(0, sample).map((account) => chain.call('social_following', [account, null, 50])))
  for (const page of theirs) {
    for (const account of page.items) if (!skip.has(account)) via.set(account, (via.get(account) ?? 0) + 1)
  }
  const latest = await latestPosts(chain, null, 50)
  for (const post of latest.items) if (!skip.has(post.author) && !via.has(post.author)) via.set(post.author, 0)
  // The best by friends of friends first (a stable sort keeps recent authors in their order),
  // then follower counts read for those only.
  const candidates = [...via.keys()].sort((a, b) => via.get(b) - via.get(a)).slice(0, 4 * limit)
  const counts = await Promise.all(candidates.map((account) => chain.call('social_followCounts', [account])))
  return candidates
    .map((account, i) => ({ account, viaFollowed: via.get(account), followers: counts[i].followers }))
    .sort((a, b) => b.viaFollowed - a.viaFollowed || b.followers - a.followers)
    .slice(0, limit)
}
