// Mentions of a post's current version: its body's @handles, resolved to the accounts that held
// them at the version's block (whenever the body arrives), each notified once. An account
// notified of the post as a reply or quote to its own post is not notified of the mention too.

import { mentionedHandles } from '@agora/chain/text'

/** Accounts holding `handles` at the end of `block`: `[{ handle, account }]`. */
async function resolveHandles (client, handles, block) {
  const { rows } = await client.query(
    `SELECT handle, account FROM handle_history
     WHERE handle = ANY($1) AND from_block <= $2 AND (to_block IS NULL OR to_block > $2)`,
    [handles, block]
  )
  return rows
}

/**
 * Indexes the mentions of `post` (`{ id, author, block }`) from `body` (null: the body was
 * skipped, so it mentions nobody): replaces the post's mentions and reconciles its mention
 * notifications. `fresh`: the post is new, so it has no mentions to replace yet.
 */
export async function indexMentions (client, post, body, { fresh = false } = {}) {
  const handles = body ? mentionedHandles(body) : []
  if (handles.length === 0 && fresh) return
  const resolved = handles.length ? await resolveHandles(client, handles, post.block) : []
  const accounts = resolved.map((row) => row.account)
  if (!fresh) await client.query('DELETE FROM mentions WHERE post_id = $1', [post.id])
  if (resolved.length) {
    await client.query(
      `INSERT INTO mentions (post_id, account, handle, block)
       SELECT $1, account, handle, $4 FROM unnest($2::text[], $3::text[]) AS m(account, handle)
       ON CONFLICT DO NOTHING`,
      [post.id, accounts, resolved.map((row) => row.handle), post.block]
    )
  }
  if (!fresh) {
    await client.query(
      "DELETE FROM notifications WHERE kind = 'mention' AND post_id = $1 AND NOT (account = ANY($2))",
      [post.id, accounts]
    )
  }
  if (accounts.length) {
    await client.query(
      `INSERT INTO notifications (account, kind, actor, post_id, block)
       SELECT m.account, 'mention', $2, $1, $4 FROM unnest($3::text[]) AS m(account)
       WHERE m.account <> $2 AND NOT EXISTS (
         SELECT 1 FROM notifications n
         WHERE n.post_id = $1 AND n.account = m.account AND n.kind IN ('reply', 'quote'))
       ON CONFLICT DO NOTHING`,
      [post.id, post.author, accounts, post.block]
    )
  }
}

/** Clears the mentions of every live post whose body is `cid` (a body with no mentions). */
export async function clearMentionsOfContent (client, cid) {
  const posts = 'SELECT id FROM posts WHERE content = $1 AND deleted_block IS NULL'
  await client.query(`DELETE FROM mentions WHERE post_id IN (${posts})`, [cid])
  await client.query(`DELETE FROM notifications WHERE kind = 'mention' AND post_id IN (${posts})`, [cid])
}
