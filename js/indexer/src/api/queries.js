// The API's reads, one function per listing, each a keyset page (`WHERE key < cursor ORDER BY
// key DESC LIMIT n + 1`) so a page costs the same however deep it is. No query returns a
// deleted post.

import { POST_COLUMNS } from './shape.js'

const LIVE_POST = 'JOIN posts p ON p.id = %s AND p.deleted_block IS NULL LEFT JOIN content c ON c.cid = p.content'
const livePost = (idColumn) => LIVE_POST.replace('%s', idColumn)

export async function head (db) {
  const { rows: [row] } = await db.query('SELECT height, hash, genesis, block_time FROM indexer_head')
  return row
}

export async function readMarker (db, account) {
  const { rows: [row] } = await db.query('SELECT up_to FROM read_markers WHERE account = $1', [account])
  return row?.up_to ?? '0'
}

export async function notifications (db, { account, before, kinds, limit }) {
  const { rows } = await db.query(
    `SELECT id, kind, actor, post_id, subject_id, reaction, message_id, block FROM notifications
     WHERE account = $1 AND ($2::bigint IS NULL OR id < $2) AND ($3::text[] IS NULL OR kind = ANY($3))
     ORDER BY id DESC LIMIT $4`,
    [account, before, kinds, limit + 1]
  )
  return rows
}

export async function unreadCount (db, account, readUpTo) {
  const { rows: [row] } = await db.query(
    'SELECT count(*)::integer AS unread, max(id) AS newest FROM notifications WHERE account = $1 AND id > $2',
    [account, readUpTo]
  )
  return row
}

export async function postsByIds (db, ids) {
  if (ids.length === 0) return []
  const { rows } = await db.query(
    `SELECT ${POST_COLUMNS} FROM unnest($1::bigint[]) AS wanted(id) ${livePost('wanted.id')}`,
    [ids]
  )
  return rows
}

export async function post (db, id) {
  const [row] = await postsByIds(db, [id])
  if (!row) return null
  const { rows: versions } = await db.query(
    `SELECT v.revision, v.content, v.block, c.state AS body_state, c.body, c.skip_reason
     FROM post_versions v JOIN content c ON c.cid = v.content WHERE v.post_id = $1 ORDER BY v.revision`,
    [id]
  )
  return { row, versions }
}

export async function searchPosts (db, { q, before, limit }) {
  const { rows } = await db.query(
    `SELECT ${POST_COLUMNS} FROM content c
     JOIN posts p ON p.content = c.cid AND p.deleted_block IS NULL
     WHERE c.search @@ websearch_to_tsquery('simple', $1) AND ($2::bigint IS NULL OR p.id < $2)
     ORDER BY p.id DESC LIMIT $3`,
    [q, before, limit + 1]
  )
  return rows
}

export async function searchPeople (db, { q, after, limit }) {
  const { rows } = await db.query(
    `SELECT account, handle, name, bio, metadata, block FROM profiles
     WHERE search @@ websearch_to_tsquery('simple', $1) AND ($2::text IS NULL OR account > $2)
     ORDER BY account LIMIT $3`,
    [q, after, limit + 1]
  )
  return rows
}

export async function hashtag (db, { tag, before, limit }) {
  const { rows } = await db.query(
    `SELECT ${POST_COLUMNS} FROM content_tags t
     JOIN posts p ON p.content = t.cid AND p.deleted_block IS NULL
     JOIN content c ON c.cid = p.content
     WHERE t.tag = $1 AND ($2::bigint IS NULL OR p.id < $2)
     ORDER BY p.id DESC LIMIT $3`,
    [tag, before, limit + 1]
  )
  return rows
}

export async function mentions (db, { account, before, limit }) {
  const { rows } = await db.query(
    `SELECT ${POST_COLUMNS} FROM mentions m ${livePost('m.post_id')}
     WHERE m.account = $1 AND ($2::bigint IS NULL OR m.post_id < $2)
     ORDER BY m.post_id DESC LIMIT $3`,
    [account, before, limit + 1]
  )
  return rows
}

/** Hashtags by the live posts whose current version was written in the window before `until`. */
export async function trending (db, { seconds, until, limit }) {
  const { rows } = await db.query(
    `SELECT t.tag, count(*)::integer AS posts, count(DISTINCT p.author)::integer AS authors
     FROM posts p JOIN content_tags t ON t.cid = p.content
     WHERE p.deleted_block IS NULL AND p.block_time > $1::timestamptz - make_interval(secs => $2)
       AND p.block_time <= $1::timestamptz
     GROUP BY t.tag ORDER BY posts DESC, authors DESC, t.tag LIMIT $3`,
    [until, seconds, limit]
  )
  return rows
}

export async function pendingBodies (db) {
  const { rows: [row] } = await db.query("SELECT count(*)::integer AS pending FROM content WHERE state = 'pending'")
  return row.pending
}
