// Creating and withdrawing notifications. Nobody is notified of their own doing. Every
// transaction that calls `notify` has taken the notifications lock first (src/db/locks.js).

/**
 * Notifies `account` that `actor` did `kind` (reply, mention, quote, repost, reaction, follow,
 * message) at `block`. `post` is the actor's post, `subject` the account's post acted on.
 */
export async function notify (client, { account, kind, actor, post = null, subject = null, reaction = null, message = null, block }) {
  if (!account || account === actor) return
  await client.query(
    `INSERT INTO notifications (account, kind, actor, post_id, subject_id, reaction, message_id, block)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [account, kind, actor, post, subject, reaction, message, block]
  )
}

/** Withdraws the notifications of a deleted post: those it caused and those about it. */
export function withdrawForPost (client, postId) {
  return client.query('DELETE FROM notifications WHERE post_id = $1 OR subject_id = $1', [postId])
}
