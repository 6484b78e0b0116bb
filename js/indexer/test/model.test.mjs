// The follower's writes and the body worker's indexing, on a real PostgreSQL (no chain): events
// as Subsquid decodes them go through the same handlers the follower runs, each batch in one
// transaction, and bodies arrive through the same function the worker calls.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { startPostgres } from '@agora/testnet'

import { migrate, migrations, resetData } from '../src/db/migrate.js'
import { createPool, inTransaction } from '../src/db/pool.js'
import { handleBlocks } from '../src/follower/events.js'
import { applyContent } from '../src/model/bodies.js'
import { blocks, cidHex, handleHex, someone } from './events.mjs'

const CID_A = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
const CID_B = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'
const CID_C = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku'
const CID_P = 'bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq'

let pg
let pool
before(async () => {
  pg = await startPostgres()
  pool = createPool(pg.url, { max: 4 })
  await migrate(pool)
})
after(async () => {
  await pool?.end()
  pg?.stop()
})

const [alice, bob, carol] = [someone(1), someone(2), someone(3)]
const write = (...specs) => inTransaction(pool, (client) => handleBlocks(client, blocks(...specs), 42))
const rows = async (sql, params) => (await pool.query(sql, params)).rows
const body = (cid, text) => inTransaction(pool, (client) => applyContent(client, cid, { body: text, bytes: Buffer.byteLength(text) }))

test('migrations apply once, in one transaction, recorded in schema_migrations', async () => {
  assert.deepEqual(await migrate(pool), [], 'nothing left to apply')
  const recorded = (await rows('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version)
  assert.deepEqual(recorded, migrations().map((m) => m.version))
})

test('a thread of events becomes posts, notifications and mentions; bodies arrive later', async () => {
  await resetData(pool)
  await write(
    [1, [
      ['Profiles.ProfileCreated', { who: alice.hex, metadata: cidHex(CID_P) }],
      ['Profiles.HandleSet', { who: alice.hex, handle: handleHex('alice'), previous: null }]
    ]],
    [2, [
      ['Posts.PostCreated', { postId: 1n, author: alice.hex, content: cidHex(CID_A), kind: { __kind: 'Original' } }]
    ]],
    [3, [
      // An extra field, as a runtime upgrade brings: read by name, ignored.
      ['Posts.PostCreated', { postId: 2n, author: bob.hex, content: cidHex(CID_B), kind: { __kind: 'Reply', parent: 1n, root: 1n }, upgraded: true }],
      ['Posts.PostCreated', { postId: 3n, author: bob.hex, content: cidHex(CID_C), kind: { __kind: 'Quote', of: '1' } }],
      ['Posts.Reposted', { postId: 4n, author: bob.hex, of: 1n }],
      ['Reactions.Reacted', { who: bob.hex, postId: 1n, kind: { __kind: 'Love' } }],
      ['Follows.Followed', { follower: bob.hex, followee: alice.hex }],
      ['Messages.MessageSent', { messageId: 7n, from: bob.hex, to: alice.hex, envelope: cidHex(CID_A) }],
      ['Posts.PostCreated', { postId: 5n, author: alice.hex, content: cidHex(CID_A), kind: { __kind: 'Original' } }]
    ]]
  )
  const kinds = await rows('SELECT kind, actor, post_id, subject_id, reaction, message_id FROM notifications WHERE account = $1 ORDER BY id', [alice.ss58])
  assert.deepEqual(kinds.map((n) => n.kind), ['reply', 'quote', 'repost', 'reaction', 'follow', 'message'])
  assert.equal(kinds[3].reaction, 'love')
  assert.equal(kinds[5].message_id, '7')
  assert.deepEqual(kinds.map((n) => n.subject_id), ['1', '1', '1', '1', null, null])
  assert.equal((await rows("SELECT count(*)::int AS n FROM content WHERE state = 'pending'"))[0].n, 4)

  // Bodies arrive: Bob's reply mentions @alice (already notified of it as a reply: once only)
  // and @Carol (no such handle yet); Bob's quote mentions @alice too; #tags are kept.
  await body(CID_B, 'hi @alice and @Carol #Agora')
  await body(CID_C, 'look @alice, #agora #日本語')
  await body(CID_A, 'the original')
  await body(CID_P, JSON.stringify({ name: 'Alice A.', bio: 'gardens' }))
  const mentions = await rows('SELECT post_id, account, handle FROM mentions ORDER BY post_id')
  assert.deepEqual(mentions.map((m) => [m.post_id, m.handle]), [['2', 'alice'], ['3', 'alice']])
  const afterBodies = await rows('SELECT kind FROM notifications WHERE account = $1 ORDER BY id', [alice.ss58])
  assert.equal(afterBodies.filter((n) => n.kind === 'mention').length, 0, 'replies and quotes are not also mentions')
  assert.deepEqual((await rows("SELECT cid FROM content_tags WHERE tag = 'agora' ORDER BY cid")).map((r) => r.cid), [CID_B, CID_C].sort())
  const [profile] = await rows('SELECT name, bio, handle FROM profiles WHERE account = $1', [alice.ss58])
  assert.deepEqual(profile, { name: 'Alice A.', bio: 'gardens', handle: 'alice' })

  // A post whose body is already known is indexed in the follower's own transaction.
  await write([4, [['Posts.PostCreated', { postId: 6n, author: carol.hex, content: cidHex(CID_B), kind: { __kind: 'Original' } }]]])
  const mention = await rows("SELECT account, actor, post_id FROM notifications WHERE kind = 'mention'")
  assert.deepEqual(mention, [{ account: alice.ss58, actor: carol.ss58, post_id: '6' }])
})

test('handles resolve as of the post version block, whenever the body arrives', async () => {
  await resetData(pool)
  await write(
    [1, [['Profiles.ProfileCreated', { who: alice.hex, metadata: cidHex(CID_P) }], ['Profiles.HandleSet', { who: alice.hex, handle: handleHex('sam'), previous: null }]]],
    [2, [['Posts.PostCreated', { postId: 1n, author: carol.hex, content: cidHex(CID_A), kind: { __kind: 'Original' } }]]],
    [3, [
      ['Profiles.HandleCleared', { who: alice.hex, handle: handleHex('sam') }],
      ['Profiles.ProfileCreated', { who: bob.hex, metadata: cidHex(CID_P) }],
      ['Profiles.HandleSet', { who: bob.hex, handle: handleHex('sam'), previous: null }]
    ]],
    [4, [['Posts.PostCreated', { postId: 2n, author: carol.hex, content: cidHex(CID_B), kind: { __kind: 'Original' } }]]]
  )
  await body(CID_A, 'hello @sam')
  await body(CID_B, 'hello again @SAM')
  const mentions = await rows('SELECT post_id, account FROM mentions ORDER BY post_id')
  assert.deepEqual(mentions, [{ post_id: '1', account: alice.ss58 }, { post_id: '2', account: bob.ss58 }])
})

test('edits keep every version and reindex; deletion withdraws notifications and mentions', async () => {
  await resetData(pool)
  await write(
    [1, [['Profiles.ProfileCreated', { who: alice.hex, metadata: cidHex(CID_P) }], ['Profiles.HandleSet', { who: alice.hex, handle: handleHex('alice'), previous: null }]]],
    [2, [['Posts.PostCreated', { postId: 1n, author: bob.hex, content: cidHex(CID_A), kind: { __kind: 'Original' } }]]]
  )
  await body(CID_A, 'ping @alice')
  assert.equal((await rows("SELECT count(*)::int AS n FROM notifications WHERE kind = 'mention'"))[0].n, 1)
  await write([3, [['Posts.PostEdited', { postId: 1n, author: bob.hex, content: cidHex(CID_B), previous: cidHex(CID_A), revision: 1 }]]])
  assert.equal((await rows('SELECT count(*)::int AS n FROM mentions'))[0].n, 0, 'the old version mentions nobody now')
  await body(CID_B, 'no mention any more')
  assert.equal((await rows("SELECT count(*)::int AS n FROM notifications WHERE kind = 'mention'"))[0].n, 0)
  const versions = await rows('SELECT revision, content, block FROM post_versions WHERE post_id = 1 ORDER BY revision')
  assert.deepEqual(versions, [{ revision: 0, content: CID_A, block: 2 }, { revision: 1, content: CID_B, block: 3 }])

  await write(
    [4, [['Posts.PostCreated', { postId: 2n, author: alice.hex, content: cidHex(CID_C), kind: { __kind: 'Reply', parent: 1n, root: 1n } }]]],
    [5, [['Reactions.Reacted', { who: alice.hex, postId: 1n, kind: { __kind: 'Like' } }]]]
  )
  assert.equal((await rows('SELECT count(*)::int AS n FROM notifications WHERE account = $1', [bob.ss58]))[0].n, 2)
  await write([6, [['Posts.PostDeleted', { postId: 1n, author: bob.hex, content: cidHex(CID_B) }]]])
  assert.equal((await rows('SELECT count(*)::int AS n FROM notifications WHERE account = $1', [bob.ss58]))[0].n, 0)
  assert.deepEqual(await rows('SELECT deleted_block FROM posts WHERE id = 1'), [{ deleted_block: 6 }])
})

test('reactions change and go; follows go; message notices go', async () => {
  await resetData(pool)
  await write(
    [1, [['Posts.PostCreated', { postId: 1n, author: alice.hex, content: cidHex(CID_A), kind: { __kind: 'Original' } }]]],
    [2, [['Reactions.Reacted', { who: bob.hex, postId: 1n, kind: { __kind: 'Like' } }], ['Follows.Followed', { follower: bob.hex, followee: alice.hex }]]],
    [3, [['Reactions.ReactionChanged', { who: bob.hex, postId: 1n, from: { __kind: 'Like' }, to: { __kind: 'Wow' } }],
      ['Messages.MessageSent', { messageId: 1n, from: bob.hex, to: alice.hex, envelope: cidHex(CID_B) }]]]
  )
  assert.deepEqual(await rows("SELECT reaction FROM notifications WHERE kind = 'reaction'"), [{ reaction: 'wow' }])
  await write([4, [
    ['Reactions.Unreacted', { who: bob.hex, postId: 1n, kind: { __kind: 'Wow' } }],
    ['Follows.Unfollowed', { follower: bob.hex, followee: alice.hex }],
    ['Messages.NoticeRemoved', { messageId: 1n, to: alice.hex, from: bob.hex, envelope: cidHex(CID_B), by: alice.hex }]
  ]])
  assert.deepEqual(await rows('SELECT kind FROM notifications'), [])
  assert.deepEqual(await rows('SELECT * FROM reactions'), [])
})

test('a batch that fails writes nothing', async () => {
  await resetData(pool)
  await assert.rejects(write(
    [1, [['Posts.PostCreated', { postId: 1n, author: alice.hex, content: cidHex(CID_A), kind: { __kind: 'Original' } }]]],
    [2, [['Posts.PostCreated', { postId: 1n, author: alice.hex, content: cidHex(CID_A), kind: { __kind: 'Original' } }]]]
  ), /block 2, event 0 \(Posts.PostCreated\)/)
  assert.deepEqual(await rows('SELECT id FROM posts'), [])
})

test('a body skipped clears what the post mentioned and records why', async () => {
  await resetData(pool)
  await write([1, [['Posts.PostCreated', { postId: 1n, author: alice.hex, content: cidHex(CID_A), kind: { __kind: 'Original' } }]]])
  await inTransaction(pool, (client) => applyContent(client, CID_A, { skipped: 'not UTF-8 text' }))
  assert.deepEqual(await rows('SELECT state, skip_reason, body FROM content'), [{ state: 'skipped', skip_reason: 'not UTF-8 text', body: null }])
  assert.equal(await inTransaction(pool, (client) => applyContent(client, CID_A, { body: 'late' })), false, 'applied once only')
})
