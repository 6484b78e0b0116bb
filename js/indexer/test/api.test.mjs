// The REST API on a real PostgreSQL filled through the follower's own handlers: every endpoint,
// its pages and cursors, the signed mark-read, and the 4xx answers to bad input.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'

import { startPostgres } from '@agora/testnet'

import { createApiServer } from '../src/api/server.js'
import { migrate } from '../src/db/migrate.js'
import { createPool, inTransaction } from '../src/db/pool.js'
import { handleBlocks } from '../src/follower/events.js'
import { signMarkRead } from '@agora/chain/mark-read'
import { applyContent } from '../src/model/bodies.js'
import { blocks, cidHex, handleHex, hexOf } from './events.mjs'

const GENESIS = '0x' + 'ab'.repeat(32)
const CIDS = [
  'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4',
  'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy',
  'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku',
  'bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq'
]

let pg
let pool
const servers = []
let alice
let bob
let url

async function serve (options = {}) {
  const server = createApiServer({ db: pool, ss58: 42, log: { error () {} }, ...options })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  return `http://127.0.0.1:${server.address().port}`
}

async function get (path, base = url) {
  const response = await fetch(base + path)
  return { status: response.status, body: await response.json() }
}

async function post (path, body, base = url) {
  const response = await fetch(base + path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { status: response.status, body: await response.json() }
}

before(async () => {
  await cryptoWaitReady()
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  alice = keyring.addFromUri('//Alice')
  bob = keyring.addFromUri('//Bob')
  pg = await startPostgres()
  pool = createPool(pg.url)
  await migrate(pool)
  await pool.query('UPDATE indexer_head SET genesis = $1', [GENESIS])
  const [a, b] = [hexOf(alice.address), hexOf(bob.address)]
  const original = (postId, author, cid) => ['Posts.PostCreated', { postId, author, content: cidHex(cid), kind: { __kind: 'Original' } }]
  await inTransaction(pool, (client) => handleBlocks(client, blocks(
    [1, [['Profiles.ProfileCreated', { who: a, metadata: cidHex(CIDS[3]) }], ['Profiles.HandleSet', { who: a, handle: handleHex('alice'), previous: null }]]],
    [2, [original(1n, a, CIDS[0])]],
    [3, [
      ['Posts.PostCreated', { postId: 2n, author: b, content: cidHex(CIDS[1]), kind: { __kind: 'Reply', parent: 1n, root: 1n } }],
      ['Reactions.Reacted', { who: b, postId: 1n, kind: { __kind: 'Like' } }],
      ['Follows.Followed', { follower: b, followee: a }],
      original(3n, b, CIDS[2])
    ]]
  ), 42))
  for (const [cid, text] of [[CIDS[0], 'gardens in #spring'], [CIDS[1], 'lovely #spring #Garden'], [CIDS[2], 'hello @alice, #spring'], [CIDS[3], '{"name":"Alice Liddell","bio":"tends gardens"}']]) {
    await inTransaction(pool, (client) => applyContent(client, cid, { body: text, bytes: text.length }))
  }
  url = await serve()
})

after(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve))
  await pool?.end()
  pg?.stop()
})

test('notifications: newest first, each with its block, paged, filtered by kind', async () => {
  const all = await get(`/notifications?account=${alice.address}`)
  assert.equal(all.status, 200)
  assert.deepEqual(all.body.items.map((n) => n.kind), ['mention', 'follow', 'reaction', 'reply'])
  assert.ok(all.body.items.every((n) => Number.isInteger(n.block) && n.read === false))
  assert.equal(all.body.items[3].post.body, 'lovely #spring #Garden', 'a reply carries the reply')
  const first = await get(`/notifications?account=${alice.address}&limit=3`)
  assert.equal(first.body.items.length, 3)
  const rest = await get(`/notifications?account=${alice.address}&limit=3&after=${first.body.next}`)
  assert.deepEqual(rest.body.items.map((n) => n.kind), ['reply'])
  assert.equal(rest.body.next, null)
  const some = await get(`/notifications?account=${alice.address}&kinds=reply,follow`)
  assert.deepEqual(some.body.items.map((n) => n.kind), ['follow', 'reply'])
})

test('mark-read: the signed marker moves forward only; forged, old and replayed requests are refused', async () => {
  assert.deepEqual((await get(`/unread-count?account=${alice.address}`)).body, { account: alice.address, unread: 4, readUpTo: 0 })
  const items = (await get(`/notifications?account=${alice.address}`)).body.items
  const secondNewest = items[1].id
  const request = signMarkRead(alice, { genesis: GENESIS, upTo: secondNewest })
  const marked = await post('/mark-read', request)
  assert.equal(marked.status, 200, JSON.stringify(marked.body))
  assert.deepEqual(marked.body, { account: alice.address, readUpTo: secondNewest, unread: 1 })

  const replay = await post('/mark-read', request)
  assert.deepEqual([replay.status, replay.body.code], [409, 8009])
  const forged = { ...signMarkRead(bob, { genesis: GENESIS, upTo: items[0].id }), account: alice.address }
  assert.deepEqual([(await post('/mark-read', forged)).status, (await post('/mark-read', forged)).body.code], [401, 8008])
  const otherChain = signMarkRead(alice, { genesis: '0x' + '00'.repeat(32), upTo: items[0].id })
  assert.equal((await post('/mark-read', otherChain)).body.code, 8008)
  const old = signMarkRead(alice, { genesis: GENESIS, upTo: items[0].id, at: Date.now() - 10 * 60_000 })
  assert.deepEqual([(await post('/mark-read', old)).status, (await post('/mark-read', old)).body.code], [409, 8009])

  const backwards = await post('/mark-read', signMarkRead(alice, { genesis: GENESIS, upTo: 1, at: Date.now() + 1 }))
  assert.equal(backwards.body.readUpTo, secondNewest, 'never backwards')
  const beyond = await post('/mark-read', signMarkRead(alice, { genesis: GENESIS, upTo: '999999', at: Date.now() + 2 }))
  assert.deepEqual([beyond.body.readUpTo, beyond.body.unread], [items[0].id, 0], 'never past the newest notification')
  assert.equal((await get(`/unread-count?account=${alice.address}`)).body.unread, 0)
  const read = (await get(`/notifications?account=${alice.address}`)).body.items
  assert.ok(read.every((n) => n.read))
})

test('search: posts by their words in any order, people by name, handle or bio', async () => {
  const posts = await get('/search?q=spring')
  assert.deepEqual(posts.body.items.map((p) => p.id), [3, 2, 1])
  assert.ok(posts.body.items.every((p) => Number.isInteger(p.block) && p.bodyState === 'indexed'))
  assert.deepEqual((await get('/search?q=' + encodeURIComponent('spring -lovely'))).body.items.map((p) => p.id), [3, 1])
  assert.deepEqual((await get('/search?q=' + encodeURIComponent('"in spring"'))).body.items.map((p) => p.id), [1])
  const page = await get('/search?q=spring&limit=2')
  assert.deepEqual((await get(`/search?q=spring&limit=2&after=${page.body.next}`)).body.items.map((p) => p.id), [1])
  const people = await get('/search?q=liddell&type=people')
  assert.deepEqual(people.body.items.map((p) => [p.account, p.handle, p.name]), [[alice.address, 'alice', 'Alice Liddell']])
  assert.equal((await get('/search?q=alice&type=people')).body.items.length, 1)
  assert.deepEqual((await get('/search?q=%21%21%21')).body.items, [], 'no words: nothing')
})

test('hashtags, trending and mentions', async () => {
  assert.deepEqual((await get('/hashtag?tag=%23Spring')).body.items.map((p) => p.id), [3, 2, 1])
  assert.deepEqual((await get('/hashtag?tag=garden')).body.items.map((p) => p.id), [2])
  const trending = await get('/trending?window=1h')
  assert.deepEqual(trending.body.items, [{ tag: 'spring', posts: 3, authors: 2 }, { tag: 'garden', posts: 1, authors: 1 }])
  assert.equal(trending.body.block, -1, 'the block it is counted at')
  assert.deepEqual((await get(`/mentions?account=${alice.address}`)).body.items.map((p) => p.id), [3])
})

test('a post with its versions; unknown and deleted posts are 404', async () => {
  const found = await get('/post?id=1')
  assert.equal(found.body.post.body, 'gardens in #spring')
  assert.deepEqual(found.body.versions.map((v) => [v.revision, v.block]), [[0, 2]])
  assert.deepEqual([(await get('/post?id=99')).status, (await get('/post?id=99')).body.code], [404, 8013])
})

test('bad input: a 4xx with a stable code and a message', async () => {
  const cases = [
    ['/notifications', 400, 8001],
    ['/notifications?account=nobody', 400, 8001],
    [`/notifications?account=${alice.address}&kinds=likes`, 400, 8001],
    [`/notifications?account=${alice.address}&limit=0`, 400, 8003],
    [`/notifications?account=${alice.address}&limit=101`, 400, 8003],
    [`/notifications?account=${alice.address}&after=${Buffer.from('["search","1"]').toString('base64url')}`, 400, 8002],
    ['/search', 400, 8001],
    [`/search?q=${'x'.repeat(257)}`, 400, 8001],
    ['/search?q=a&type=things', 400, 8001],
    ['/hashtag?tag=%23', 400, 8001],
    ['/trending?window=40d', 400, 8001],
    ['/post?id=-1', 400, 8001],
    ['/nothing', 404, 8004]
  ]
  for (const [path, status, code] of cases) {
    const answer = await get(path)
    assert.deepEqual([answer.status, answer.body.code], [status, code], path)
    assert.ok(answer.body.message.length > 5, path)
  }
  assert.deepEqual((await post('/mark-read', 'not json')).body.code, 8007)
  assert.deepEqual((await post('/mark-read', { account: alice.address })).body.code, 8007)
  assert.deepEqual((await post('/search', {})).body.code, 8005)
  const large = await post('/mark-read', { account: alice.address, pad: 'x'.repeat(5000) })
  assert.deepEqual([large.status, large.body.code], [413, 8006])
})

test('served publicly: a request rate per address and a smaller page', async () => {
  const limited = await serve({ ratePerMinute: 3, maxPage: 2 })
  assert.equal((await get('/search?q=spring&limit=3', limited)).body.code, 8003)
  assert.equal((await get('/search?q=spring&limit=2', limited)).body.items.length, 2)
  assert.equal((await get('/status', limited)).status, 200)
  const refused = await get('/status', limited)
  assert.deepEqual([refused.status, refused.body.code], [429, 8010])
})

test('a database that is down is a 503 with a message, not a crash', async () => {
  const lost = createPool('postgres://postgres@127.0.0.1:1/none', { log: { warn () {} } })
  const down = await serve({ db: lost })
  const answer = await get('/status', down)
  assert.deepEqual([answer.status, answer.body.code], [503, 8011])
  await lost.end()
})
