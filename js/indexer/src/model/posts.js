// Posts from the chain's events: created (original, reply, quote), reposted, edited (each
// version kept), deleted (the row stays, marked, and leaves every answer at once). `at` is the
// block: `{ block, time }`.

import { want } from './content.js'
import { indexMentions } from './mentions.js'
import { notify, withdrawForPost } from './notify.js'

async function authorOf (client, postId) {
  const { rows: [row] } = await client.query(
    'SELECT author FROM posts WHERE id = $1 AND deleted_block IS NULL', [postId]
  )
  return row?.author ?? null
}

/**
 * `kind`: `{ type: 'original' | 'reply' | 'quote', parent, root }`. The post, its first
 * version and the notification of the parent's author are one statement.
 */
export async function createPost (client, at, { id, author, content, kind }) {
  const body = await want(client, content, at.block)
  await client.query(
    `WITH post AS (
       INSERT INTO posts (id, author, kind, parent, root, content, created_block, created_at, block, block_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, $8)),
     version AS (INSERT INTO post_versions (post_id, revision, content, block) VALUES ($1, 0, $6, $7))
     INSERT INTO notifications (account, kind, actor, post_id, subject_id, block)
     SELECT author, $3, $2, $1, $4, $7 FROM posts
     WHERE $3 IN ('reply', 'quote') AND id = $4 AND deleted_block IS NULL AND author <> $2`,
    [id, author, kind.type, kind.parent ?? null, kind.root ?? null, content, at.block, at.time]
  )
  if (body.state === 'indexed') await indexMentions(client, { id, author, block: at.block }, body.body, { fresh: true })
}

export async function repost (client, at, { id, author, of }) {
  await client.query(
    `INSERT INTO posts (id, author, kind, parent, created_block, created_at, block, block_time)
     VALUES ($1, $2, 'repost', $3, $4, $5, $4, $5)`,
    [id, author, of, at.block, at.time]
  )
  const account = await authorOf(client, of)
  await notify(client, { account, kind: 'repost', actor: author, post: id, subject: of, block: at.block })
}

export async function editPost (client, at, { id, author, content, revision }) {
  const body = await want(client, content, at.block)
  await client.query(
    'UPDATE posts SET content = $2, revision = $3, block = $4, block_time = $5 WHERE id = $1',
    [id, content, revision, at.block, at.time]
  )
  await client.query(
    'INSERT INTO post_versions (post_id, revision, content, block) VALUES ($1, $2, $3, $4)',
    [id, revision, content, at.block]
  )
  const post = { id, author, block: at.block }
  if (body.state === 'indexed') await indexMentions(client, post, body.body)
  else if (body.state === 'skipped') await indexMentions(client, post, null)
  // Pending: the old version's mentions go now; the notifications are reconciled when the new
  // body arrives (src/model/bodies.js).
  else await client.query('DELETE FROM mentions WHERE post_id = $1', [id])
}

export async function deletePost (client, at, { id }) {
  await client.query('UPDATE posts SET deleted_block = $2 WHERE id = $1', [id, at.block])
  await client.query('DELETE FROM mentions WHERE post_id = $1', [id])
  await withdrawForPost(client, id)
}
