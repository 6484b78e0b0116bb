// Reactions, follows and message notices from the chain's events, with the notifications they
// bring and withdraw: a reaction removed or a follow undone is no longer news, and a notice the
// recipient removed is no longer waiting.

import { notify } from './notify.js'

// The most frequent events (Bluesky's mix is mostly reactions and follows) write their row and
// their notification in one statement: one round trip each.

export function react (client, at, { who, postId, kind }) {
  return client.query(
    `WITH reacted AS (
       INSERT INTO reactions (post_id, account, kind, block) VALUES ($1, $2, $3, $4)
       ON CONFLICT (post_id, account) DO UPDATE SET kind = excluded.kind, block = excluded.block)
     INSERT INTO notifications (account, kind, actor, subject_id, reaction, block)
     SELECT author, 'reaction', $2, $1, $3, $4 FROM posts
     WHERE id = $1 AND deleted_block IS NULL AND author <> $2`,
    [postId, who, kind, at.block]
  )
}

export async function changeReaction (client, at, { who, postId, kind }) {
  await client.query(
    'UPDATE reactions SET kind = $3, block = $4 WHERE post_id = $1 AND account = $2',
    [postId, who, kind, at.block]
  )
  await client.query(
    "UPDATE notifications SET reaction = $3 WHERE kind = 'reaction' AND subject_id = $1 AND actor = $2",
    [postId, who, kind]
  )
}

export async function unreact (client, at, { who, postId }) {
  await client.query('DELETE FROM reactions WHERE post_id = $1 AND account = $2', [postId, who])
  await client.query(
    "DELETE FROM notifications WHERE kind = 'reaction' AND subject_id = $1 AND actor = $2",
    [postId, who]
  )
}

export function follow (client, at, { follower, followee }) {
  return client.query(
    `WITH followed AS (INSERT INTO follows (follower, followee, block) VALUES ($1, $2, $3))
     INSERT INTO notifications (account, kind, actor, block) SELECT $2, 'follow', $1, $3 WHERE $1 <> $2`,
    [follower, followee, at.block]
  )
}

export async function unfollow (client, at, { follower, followee }) {
  await client.query('DELETE FROM follows WHERE follower = $1 AND followee = $2', [follower, followee])
  await client.query(
    "DELETE FROM notifications WHERE kind = 'follow' AND account = $1 AND actor = $2",
    [followee, follower]
  )
}

export function messageSent (client, at, { messageId, from, to }) {
  return notify(client, { account: to, kind: 'message', actor: from, message: messageId, block: at.block })
}

export function noticeRemoved (client, at, { messageId }) {
  return client.query("DELETE FROM notifications WHERE kind = 'message' AND message_id = $1", [messageId])
}
