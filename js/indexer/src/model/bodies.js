// A body arriving (or given up on): the content row, its hashtags, the mentions of every live
// post that has it as its current body, and the profiles whose document it is. One function
// for both paths: the body worker when IPFS answers, and the follower when a block names a CID
// whose body is already known.

import { hashtags } from '@agora/chain/text'
import { clearMentionsOfContent, indexMentions } from './mentions.js'
import { profileDocument } from './profile-document.js'

/**
 * Records the outcome for `cid`: `{ body, bytes }` (text) or `{ skipped }` (the reason). Does
 * nothing when the CID is no longer pending (already applied). Resolves with whether it applied.
 */
export async function applyContent (client, cid, outcome) {
  const { rowCount } = await client.query(
    `UPDATE content SET state = $2, body = $3, bytes = $4, skip_reason = $5, last_error = NULL,
       indexed_at = now()
     WHERE cid = $1 AND state = 'pending'`,
    [cid, outcome.skipped ? 'skipped' : 'indexed', outcome.body ?? null, outcome.bytes ?? null, outcome.skipped ?? null]
  )
  if (rowCount === 0) return false
  const body = outcome.body ?? null
  const tags = body ? hashtags(body) : []
  if (tags.length) {
    await client.query(
      'INSERT INTO content_tags (tag, cid) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING',
      [tags, cid]
    )
  }
  await indexPostsOfContent(client, cid, body)
  await indexProfilesOfContent(client, cid, outcome)
  return true
}

async function indexPostsOfContent (client, cid, body) {
  const { rows: posts } = await client.query(
    'SELECT id, author, block FROM posts WHERE content = $1 AND deleted_block IS NULL ORDER BY id',
    [cid]
  )
  if (posts.length === 0) return
  if (!body || !body.includes('@')) return clearMentionsOfContent(client, cid)
  for (const post of posts) await indexMentions(client, post, body)
}

async function indexProfilesOfContent (client, cid, outcome) {
  const doc = outcome.skipped ? { error: outcome.skipped } : profileDocument(outcome.body)
  await client.query(
    'UPDATE profiles SET name = $2, bio = $3, document_error = $4 WHERE metadata = $1',
    [cid, doc.name ?? null, doc.bio ?? null, doc.error ?? null]
  )
}

/**
 * Applies the document of a profile whose CID was already fetched (the follower's path):
 * `content` is its content row (`state`, `body`, `skip_reason`).
 */
export async function indexProfileDocument (client, account, content) {
  const doc = content.state === 'skipped' ? { error: content.skip_reason } : profileDocument(content.body)
  await client.query(
    'UPDATE profiles SET name = $2, bio = $3, document_error = $4 WHERE account = $1',
    [account, doc.name ?? null, doc.bio ?? null, doc.error ?? null]
  )
}
