// End to end: a real dev node, IPFS daemon and PostgreSQL, and the indexer as its own process
// (js/testnet). Accounts act through signed extrinsics; the tests read the indexer's API (and,
// for restarts, its tables) and compare with what the chain did.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { u8aToHex } from '@polkadot/util'
import pg from 'pg'

import { startIndexer, startNetwork } from '@agora/testnet'

import { signMarkRead } from '@agora/chain/mark-read'
import { upgradeTestWasm } from './upgrade-wasm.mjs'

let net
let idx
let db
before(async () => {
  net = await startNetwork({ indexer: true })
  idx = net.indexer
  db = new pg.Pool({ connectionString: net.postgres.url, max: 2 })
  // The database-outage test stops the server under idle connections.
  db.on('error', () => {})
})
after(async () => {
  await db?.end()
  await net?.stop()
})

const encode = (text) => u8aToHex(typeof text === 'string' ? new TextEncoder().encode(text) : text)

/** Uploads `text` through the node; its CID. */
const upload = async (text) => (await net.upload(text)).cid

/** Signs and submits `tx` as `who`; resolves with the block number and the events. */
async function send (who, tx) {
  const { block, events } = await net.submitAs(who, tx)
  const height = (await net.api.rpc.chain.getHeader(block)).number.toNumber()
  return { height, events }
}

const withSize = (fn, args, size) => net.withSize(fn, args, size)
const bytesOf = (text) => typeof text === 'string' ? new TextEncoder().encode(text).length : text.length

/**
 * Posts `text` (uploaded through the node) with `make(cid, size)` (default: an original post);
 * resolves with the new post id, its block and its CID.
 */
async function publish (who, text, make = (cid, size) => withSize(net.api.tx.posts.createPost, [cid], size)) {
  const cid = await upload(text)
  const { height, events } = await send(who, make(cid, bytesOf(text)))
  const created = events.find((e) => e.method === 'PostCreated' || e.method === 'Reposted')
  return { id: created.data.postId, height, cid: created.data.content }
}

const ids = (page) => page.body.items.map((item) => item.id)

test('Bob replies, quotes, reposts, reacts, follows and mentions: Alice is notified of each once, in order; she marks them read', async () => {
  const [alice, bob] = [await net.freshAccount(), await net.freshAccount()]
  const profile = '{"name":"Alice"}'
  await send(alice, withSize(net.api.tx.profiles.setProfile, [await upload(profile)], bytesOf(profile)))
  await send(alice, net.api.tx.profiles.setHandle('alice'))
  const original = await publish(alice, 'an original thought')
  const reply = await publish(bob, 'a reply, @alice', (cid, size) => withSize(net.api.tx.posts.reply, [original.id, cid], size))
  const quote = await publish(bob, 'a quote', (cid, size) => withSize(net.api.tx.posts.quote, [original.id, cid], size))
  const reposted = await send(bob, net.api.tx.posts.repost(original.id))
  const repost = { id: reposted.events.find((e) => e.method === 'Reposted').data.postId }
  await send(bob, net.api.tx.reactions.react(original.id, 'Love'))
  await send(bob, net.api.tx.follows.follow(alice.address))
  const mention = await publish(bob, 'have you met @Alice? #agora')
  await idx.waitForBlock(mention.height)

  const page = await idx.until('the mention indexed', async () => {
    const answer = await idx.get(`/notifications?account=${alice.address}`)
    return answer.body.items.some((n) => n.kind === 'mention') && answer
  })
  const oldestFirst = [...page.body.items].reverse()
  assert.deepEqual(oldestFirst.map((n) => n.kind), ['reply', 'quote', 'repost', 'reaction', 'follow', 'mention'])
  assert.ok(oldestFirst.every((n) => n.actor === bob.address && n.read === false && Number.isInteger(n.block)))
  assert.deepEqual(oldestFirst.map((n) => n.post?.id ?? null), [reply.id, quote.id, repost.id, null, null, mention.id])
  assert.equal(oldestFirst[3].reaction, 'love')
  assert.equal(oldestFirst[0].post.body, 'a reply, @alice', 'the reply mentions her too, but she hears of it once')
  assert.equal((await idx.get(`/unread-count?account=${alice.address}`)).body.unread, 6)
  assert.deepEqual(ids(await idx.get(`/mentions?account=${alice.address}`)), [mention.id, reply.id])

  const { genesis } = (await idx.get('/status')).body
  assert.equal(genesis, net.api.genesisHash.toHex())
  const forged = { ...signMarkRead(bob.pair, { genesis, upTo: page.body.items[0].id }), account: alice.address }
  assert.deepEqual((await idx.post('/mark-read', forged)).body.code, 8008)
  const old = signMarkRead(alice.pair, { genesis, upTo: page.body.items[0].id, at: Date.now() - 3_600_000 })
  assert.deepEqual((await idx.post('/mark-read', old)).body.code, 8009)
  assert.equal((await idx.get(`/unread-count?account=${alice.address}`)).body.unread, 6, 'refused requests moved nothing')
  const marked = await idx.post('/mark-read', signMarkRead(alice.pair, { genesis, upTo: page.body.items[0].id }))
  assert.deepEqual(marked.body, { account: alice.address, readUpTo: page.body.items[0].id, unread: 0 })
  assert.equal((await idx.get(`/unread-count?account=${alice.address}`)).body.unread, 0)
})

test('a post with #agora is found by hashtag and search; deleted, it is gone from both; edited, it is found by its new words only', async () => {
  const carol = await net.freshAccount()
  const tagged = await publish(carol, 'wombats at dawn #Agora')
  const edited = await publish(carol, 'platypus before the edit #agora')
  await idx.waitForBlock(edited.height)
  await idx.until('both bodies indexed', async () => ids(await idx.get('/hashtag?tag=agora')).includes(edited.id))
  assert.ok(ids(await idx.get('/hashtag?tag=%23agora')).includes(tagged.id))
  assert.deepEqual(ids(await idx.get('/search?q=wombats')), [tagged.id])
  const found = (await idx.get('/search?q=wombats')).body.items[0]
  assert.equal(found.block, tagged.height, 'each result carries the block it was indexed at')

  const deleted = await send(carol, net.api.tx.posts.deletePost(tagged.id))
  await idx.waitForBlock(deleted.height)
  assert.deepEqual(ids(await idx.get('/search?q=wombats')), [])
  assert.ok(!ids(await idx.get('/hashtag?tag=agora')).includes(tagged.id))
  assert.equal((await idx.get(`/post?id=${tagged.id}`)).status, 404)

  const newBody = 'echidna after the edit'
  const newCid = await upload(newBody)
  const edit = await send(carol, withSize(net.api.tx.posts.editPost, [edited.id, newCid], bytesOf(newBody)))
  await idx.waitForBlock(edit.height)
  await idx.until('the new version indexed', async () => ids(await idx.get('/search?q=echidna')).includes(edited.id))
  assert.deepEqual(ids(await idx.get('/search?q=platypus')), [])
  assert.ok(!ids(await idx.get('/hashtag?tag=agora')).includes(edited.id), 'the new version has no #agora')
  const { body } = await idx.get(`/post?id=${edited.id}`)
  assert.deepEqual(body.versions.map((v) => [v.revision, v.block, v.body]), [
    [0, edited.height, 'platypus before the edit #agora'], [1, edit.height, 'echidna after the edit']
  ])
  assert.equal(body.post.block, edit.height)
})

test('a body that reaches IPFS late is indexed when it arrives; bytes that are not UTF-8 are skipped with the reason', async () => {
  const dave = await net.freshAccount()
  const late = new TextEncoder().encode('a numbat arrives late')
  const cid = await net.ipfs.add(late, { onlyHash: true })
  const { height, events } = await send(dave, withSize(net.api.tx.posts.createPost, [cid], late.length))
  const id = events.find((e) => e.method === 'PostCreated').data.postId
  await idx.waitForBlock(height)
  const pending = (await idx.get(`/post?id=${id}`)).body.post
  assert.equal(pending.bodyState, 'pending')
  assert.deepEqual(ids(await idx.get('/search?q=numbat')), [])
  await idx.until('a failed attempt', async () =>
    (await db.query('SELECT attempts FROM content WHERE cid = $1', [pending.content])).rows[0].attempts > 0)

  await net.ipfs.add(late)
  await idx.until('the late body indexed', async () => ids(await idx.get('/search?q=numbat')).includes(id), 30_000)

  const garbage = await net.ipfs.add(Uint8Array.from([0x6e, 0xc3, 0x28, 0xff]))
  const bad = await send(dave, withSize(net.api.tx.posts.createPost, [garbage], 4))
  const badId = bad.events.find((e) => e.method === 'PostCreated').data.postId
  const skipped = await idx.until('the garbage body judged', async () => {
    const post = (await idx.get(`/post?id=${badId}`)).body.post
    return post.bodyState === 'skipped' && post
  })
  assert.equal(skipped.skipReason, 'not UTF-8 text')
})

test('the indexer killed mid-stream and restarted: no gap, no duplicate', async () => {
  const [erin, frank] = [await net.freshAccount(), await net.freshAccount()]
  const root = await publish(erin, 'reply to me')
  const replies = []
  let last
  for (let i = 0; i < 24; i++) {
    if (i === 8) await idx.kill()
    last = await publish(frank, `reply number ${i}`, (cid, size) => withSize(net.api.tx.posts.reply, [root.id, cid], size))
    replies.push(last.id)
    if (i === 16) await idx.start()
  }
  await idx.waitForBlock(last.height)
  const { rows: posts } = await db.query('SELECT id FROM posts WHERE author = $1 ORDER BY id', [frank.address])
  assert.deepEqual(posts.map((p) => Number(p.id)), replies)
  const { rows: notes } = await db.query("SELECT post_id FROM notifications WHERE account = $1 AND kind = 'reply' ORDER BY id", [erin.address])
  assert.deepEqual(notes.map((n) => Number(n.post_id)), replies, 'one notification per reply, in order')
  const { rows: [head] } = await db.query('SELECT height, hash FROM indexer_head')
  assert.equal(head.hash, (await net.api.rpc.chain.getBlockHash(head.height)).toHex(), 'the head is the chain\'s block')
})

test('the database down and back: the indexer waits, then goes on', async () => {
  const gina = await net.freshAccount()
  net.postgres.pause()
  const during = await publish(gina, 'written while the database was down: a quoll')
  const status = await idx.get('/status')
  assert.deepEqual([status.status, status.body.code], [503, 8011])
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  net.postgres.resume()
  await idx.waitForBlock(during.height, 90_000)
  await idx.until('the body indexed', async () => ids(await idx.get('/search?q=quoll')).includes(during.id), 60_000)
})

test("the follower's metrics answer on loopback; an indexer without a node waits for it", async () => {
  const metrics = await fetch(idx.metricsUrl)
  assert.equal(metrics.status, 200)
  assert.match(await metrics.text(), /sqd_processor_last_block/)

  const orphan = await startIndexer({
    rpc: 'ws://127.0.0.1:1', db: net.postgres.url.replace(/\/[^/]+$/, '/postgres'), logFile: `${net.chainPath}/../orphan.log`
  })
  await new Promise((resolve) => setTimeout(resolve, 3_000))
  assert.equal((await orphan.get('/status')).status, 200, 'still serving, waiting for the node')
  await orphan.stop()
})

test("a second indexer started late catches up from genesis, fetching bodies through the node's content_get", async () => {
  const ivy = await net.freshAccount()
  const post = await publish(ivy, 'a bilby, read through the node')
  await db.query('CREATE DATABASE late')
  const late = await startIndexer({
    rpc: net.url, db: net.postgres.url.replace(/\/[^/]+$/, '/late'), logFile: `${net.chainPath}/../late.log`
  })
  try {
    await late.waitForBlock(post.height)
    await late.until('the body through content_get', async () => ids(await late.get('/search?q=bilby')).includes(post.id))
    const lateDb = new pg.Client({ connectionString: net.postgres.url.replace(/\/[^/]+$/, '/late') })
    await lateDb.connect()
    const posts = 'SELECT id, author, kind, parent, created_block FROM posts WHERE created_block <= $1 ORDER BY id'
    const [mine, theirs] = [await lateDb.query(posts, [post.height]), await db.query(posts, [post.height])]
    await lateDb.end()
    assert.deepEqual(mine.rows, theirs.rows, 'the same posts as the indexer that followed live')
  } finally {
    await late.stop()
  }
})

/**
 * After an upgrade the new runtime's multi-block migrations may forbid transactions for some
 * blocks, and on an instant-seal chain only a new transaction makes a block: so this sends
 * remarks without waiting (each one a block) until one is included.
 */
async function untilTransactionsRun (who) {
  const stops = []
  // Nonces counted here: the pool does not count transactions it holds back.
  let nonce = (await net.api.rpc.system.accountNextIndex(who.address)).toNumber()
  try {
    for (let i = 0; i < 200; i++) {
      const included = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(false), 500)
        net.api.tx.system.remark(encode(`nudge ${i}`)).signAndSend(who.pair, { nonce: nonce++ }, ({ status }) => {
          if (status.isInBlock || status.isFinalized) {
            clearTimeout(timer)
            resolve(true)
          }
        }).then((stop) => stops.push(stop), reject)
      })
      if (included) return
    }
    throw new Error('no transaction ran after the upgrade')
  } finally {
    stops.forEach((stop) => stop())
  }
}

test('a runtime upgrade mid-stream: events of the new runtime still decode (and its calls may differ)', async (t) => {
  const wasm = upgradeTestWasm()
  if (!wasm) return t.skip('no upgrade-test runtime in this build (target/release/wbuild/agora-runtime/upgrade_test*)')
  const hana = await net.freshAccount()
  const before = await publish(hana, 'before the upgrade #forkless')
  const specBefore = (await net.api.rpc.state.getRuntimeVersion()).specVersion.toNumber()
  await send(net.alice, net.api.tx.sudo.sudo(net.api.tx.system.setCode(u8aToHex(wasm))))
  // The dev chain enacts the new code in a later block: make blocks until it runs.
  for (let i = 0; i < 10; i++) {
    if ((await net.api.rpc.state.getRuntimeVersion()).specVersion.toNumber() > specBefore) break
    await send(hana, net.api.tx.system.remark('0x00'))
  }
  assert.ok((await net.api.rpc.state.getRuntimeVersion()).specVersion.toNumber() > specBefore, 'upgraded')
  await untilTransactionsRun(hana)
  const afterUpgrade = await publish(hana, 'after the upgrade #forkless')
  await idx.waitForBlock(afterUpgrade.height)
  await idx.until('both posts indexed', async () => ids(await idx.get('/hashtag?tag=forkless')).length === 2)
  assert.deepEqual(ids(await idx.get('/hashtag?tag=forkless')), [afterUpgrade.id, before.id])
})
