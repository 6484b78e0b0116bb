// Rows as the API answers them. Ids are JSON numbers when exact (below 2^53), else decimal
// strings; every item carries `block`: the block its current state was indexed at.

/** A bigint column (a string from pg) as a number when exact. */
export function num (value) {
  if (value === null || value === undefined) return null
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : String(value)
}

/** The columns `post()` reads, for queries that select a post joined with its body. */
export const POST_COLUMNS = `p.id, p.author, p.kind, p.parent, p.root, p.content, p.revision,
  p.created_block, p.block, p.block_time, c.state AS body_state, c.body, c.skip_reason`

export function post (row) {
  return {
    id: num(row.id),
    author: row.author,
    kind: row.kind,
    parent: num(row.parent),
    root: num(row.root),
    content: row.content,
    revision: row.revision,
    body: row.body ?? null,
    // pending: not fetched yet; indexed; skipped (see skipReason); none: a repost.
    bodyState: row.content ? row.body_state : 'none',
    skipReason: row.skip_reason ?? null,
    createdBlock: row.created_block,
    block: row.block,
    time: row.block_time?.toISOString() ?? null
  }
}

export function person (row) {
  return {
    account: row.account,
    handle: row.handle,
    name: row.name,
    bio: row.bio,
    metadata: row.metadata,
    block: row.block
  }
}

/** `posts`: the actor's posts by id (shaped), `readUpTo`: the account's read marker. */
export function notification (row, readUpTo, posts) {
  return {
    id: num(row.id),
    kind: row.kind,
    actor: row.actor,
    post: row.post_id === null ? null : posts.get(String(row.post_id)) ?? null,
    subject: num(row.subject_id),
    reaction: row.reaction,
    messageId: num(row.message_id),
    block: row.block,
    read: BigInt(row.id) <= BigInt(readUpTo)
  }
}

/** A page: `{ items, next }`; `next` is null on the last page. */
export function page (items, limit, cursorOf) {
  const more = items.length > limit
  const shown = more ? items.slice(0, limit) : items
  return { items: shown, next: more ? cursorOf(shown.at(-1)) : null }
}
