// The API's endpoints: each reads its parameters (src/api/params.js), runs its query
// (src/api/queries.js) and shapes the answer (src/api/shape.js). `ctx` is
// `{ db, query, body, ss58, maxPage }`.

import { MAX_CLOCK_SKEW_MS, verifyMarkRead } from '@agora/chain/mark-read'
import { decodeCursor, encodeCursor, isId } from './cursor.js'
import { ApiError } from './errors.js'
import { accountParam, kindsParam, limitParam, postIdParam, queryParam, tagParam, windowParam } from './params.js'
import * as q from './queries.js'
import { notification, num, page, person, post } from './shape.js'

/** A listing of posts, newest first, paged by post id. */
async function postPage (ctx, endpoint, run) {
  const limit = limitParam(ctx.query, ctx.maxPage)
  const before = decodeCursor(endpoint, ctx.query.get('after'), isId)
  const rows = await run({ before, limit })
  return page(rows.map(post), limit, (last) => encodeCursor(endpoint, String(last.id)))
}

async function notificationsPage (ctx) {
  const account = accountParam(ctx.query, ctx.ss58)
  const kinds = kindsParam(ctx.query)
  const limit = limitParam(ctx.query, ctx.maxPage)
  const before = decodeCursor('notifications', ctx.query.get('after'), isId)
  const [rows, readUpTo] = await Promise.all([
    q.notifications(ctx.db, { account, before, kinds, limit }),
    q.readMarker(ctx.db, account)
  ])
  const postIds = [...new Set(rows.map((row) => row.post_id).filter((id) => id !== null))]
  const posts = new Map((await q.postsByIds(ctx.db, postIds)).map((row) => [String(row.id), post(row)]))
  const items = rows.map((row) => notification(row, readUpTo, posts))
  return { account, readUpTo: num(readUpTo), ...page(items, limit, (last) => encodeCursor('notifications', String(last.id))) }
}

async function unread (ctx) {
  const account = accountParam(ctx.query, ctx.ss58)
  const readUpTo = await q.readMarker(ctx.db, account)
  const { unread } = await q.unreadCount(ctx.db, account, readUpTo)
  return { account, unread, readUpTo: num(readUpTo) }
}

async function markRead (ctx) {
  const { account: given, upTo, at, signature } = ctx.body ?? {}
  if (typeof given !== 'string') throw new ApiError('badBody', 'account is required (SS58)')
  const account = accountParam(new URLSearchParams({ account: given }), ctx.ss58)
  if (typeof upTo !== 'string' && typeof upTo !== 'number') throw new ApiError('badBody', 'upTo is required (a notification id)')
  if (!/^\d{1,19}$/.test(String(upTo))) throw new ApiError('badBody', 'upTo must be a notification id')
  if (!Number.isSafeInteger(at) || at < 0) throw new ApiError('badBody', 'at is required: the signing time in milliseconds since 1970')
  if (typeof signature !== 'string' || !/^0x[0-9a-fA-F]{128}$/.test(signature)) {
    throw new ApiError('badBody', 'signature is required: 64 bytes of hex, 0x…')
  }
  const { genesis } = await q.head(ctx.db)
  if (!genesis) throw new ApiError('unavailable', 'the indexer has not reached the chain yet')
  if (!verifyMarkRead({ genesis, account, upTo: String(upTo), at, signature })) {
    throw new ApiError('badSignature', "the signature is not the account's over this request (see docs/indexer.md)")
  }
  if (Math.abs(Date.now() - at) > MAX_CLOCK_SKEW_MS) {
    throw new ApiError('staleSignature', `the request was signed at ${at}, more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes from now`)
  }
  // The marker moves only forward, never past the account's newest notification, and only for a
  // request signed after the last one accepted (a replay is refused).
  const { rows: [row] } = await ctx.db.query(
    `INSERT INTO read_markers AS r (account, up_to, signed_at)
     VALUES ($1, LEAST($2::bigint, (SELECT coalesce(max(id), 0) FROM notifications WHERE account = $1)), $3)
     ON CONFLICT (account) DO UPDATE SET up_to = GREATEST(r.up_to, excluded.up_to), signed_at = excluded.signed_at
     WHERE r.signed_at < excluded.signed_at
     RETURNING up_to`,
    [account, String(upTo), at]
  )
  if (!row) throw new ApiError('staleSignature', 'a request signed at this time or later was already accepted (a replay?)')
  const { unread } = await q.unreadCount(ctx.db, account, row.up_to)
  return { account, readUpTo: num(row.up_to), unread }
}

async function search (ctx) {
  const text = queryParam(ctx.query)
  const type = ctx.query.get('type') ?? 'posts'
  if (type === 'posts') return { type, ...await postPage(ctx, 'search', (page) => q.searchPosts(ctx.db, { q: text, ...page })) }
  if (type !== 'people') throw new ApiError('badParameter', `type must be posts or people, not "${type.slice(0, 20)}"`)
  const limit = limitParam(ctx.query, ctx.maxPage)
  const after = decodeCursor('people', ctx.query.get('after'), (key) => typeof key === 'string' && key.length < 100)
  const rows = await q.searchPeople(ctx.db, { q: text, after, limit })
  return { type, ...page(rows.map(person), limit, (last) => encodeCursor('people', last.account)) }
}

async function hashtag (ctx) {
  const tag = tagParam(ctx.query)
  return { tag, ...await postPage(ctx, 'hashtag', (page) => q.hashtag(ctx.db, { tag, ...page })) }
}

async function mentions (ctx) {
  const account = accountParam(ctx.query, ctx.ss58)
  return { account, ...await postPage(ctx, 'mentions', (page) => q.mentions(ctx.db, { account, ...page })) }
}

async function trending (ctx) {
  const window = windowParam(ctx.query)
  const limit = limitParam(ctx.query, ctx.maxPage)
  const { height, block_time: until } = await q.head(ctx.db)
  const items = until ? await q.trending(ctx.db, { seconds: window.seconds, until, limit }) : []
  return { window: window.text, until: until?.toISOString() ?? null, block: height, items }
}

async function onePost (ctx) {
  const found = await q.post(ctx.db, postIdParam(ctx.query))
  if (!found) throw new ApiError('noSuchPost', `post ${ctx.query.get('id')} does not exist (never indexed, or deleted)`)
  return {
    post: post(found.row),
    versions: found.versions.map((v) => ({
      revision: v.revision, content: v.content, block: v.block, body: v.body, bodyState: v.body_state, skipReason: v.skip_reason
    }))
  }
}

async function status (ctx) {
  const [row, pending] = await Promise.all([q.head(ctx.db), q.pendingBodies(ctx.db)])
  return { height: row.height, hash: row.hash, genesis: row.genesis, blockTime: row.block_time?.toISOString() ?? null, pendingBodies: pending }
}

/** Endpoints by method and path. */
export const routes = {
  'GET /notifications': notificationsPage,
  'GET /unread-count': unread,
  'POST /mark-read': markRead,
  'GET /search': search,
  'GET /hashtag': hashtag,
  'GET /mentions': mentions,
  'GET /trending': trending,
  'GET /post': onePost,
  'GET /status': status
}
