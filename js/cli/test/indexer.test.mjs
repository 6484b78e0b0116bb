// End-to-end: the commands that read the indexer (notifications, marking them read, search,
// tag, trending, mentions) against a real dev node, IPFS daemon, PostgreSQL and indexer. The
// chain's side is written through @polkadot/api (js/testnet), so these tests hold whatever the
// write commands' calls look like.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { agora, freePort, startNetwork } from './harness.mjs'

let net
before(async () => { net = await startNetwork({ indexer: true }) })
after(async () => { await net?.stop() })

/** The CLI with `--indexer` pointed at the test's indexer. */
const ask = (args, who) => agora([...args, '--indexer', net.indexer.url], { url: net.url, suri: who?.suri })

/** Signs `tx` as `who`; resolves with the block hash and the events. */
const write = (who, tx) => net.submitAs(who, tx)

/** Uploads `text` and makes a post-like call of it: `make(cid)` is `[fn, args before the CID]`. */
async function post (who, text, [fn, args] = [net.api.tx.posts.createPost, []]) {
  const { cid, size } = await net.upload(text)
  return write(who, net.withSize(fn, [...args, cid], size))
}

/** Waits until the indexer has indexed the block `hash`. */
async function indexed ({ block }) {
  const height = (await net.api.rpc.chain.getHeader(block)).number.toNumber()
  await net.indexer.waitForBlock(height)
}

test('notifications, then marking them read', async () => {
  const [alice, bob] = [await net.freshAccount(), await net.freshAccount()]
  await post(alice, '{"name":"Alice"}', [net.api.tx.profiles.setProfile, []])
  await write(alice, net.api.tx.profiles.setHandle('alice'))
  const root = (await post(alice, 'a question')).events.find((e) => e.method === 'PostCreated').data.postId
  await post(bob, 'an answer', [net.api.tx.posts.reply, [root]])
  await write(bob, net.api.tx.follows.follow(alice.address))
  await indexed(await post(bob, 'hello @alice'))
  const listed = await net.indexer.until('the mention', async () => {
    const answer = await ask(['notifications', alice.address])
    return answer.json?.notifications.length === 3 && answer.json
  })
  assert.deepEqual(listed.notifications.map((n) => n.kind), ['mention', 'follow', 'reply'])
  assert.equal(listed.unread, 3)
  assert.equal((await ask(['notifications', '@alice', '--kinds', 'follow'])).json.notifications.length, 1)

  const read = await ask(['notifications', 'read'], alice)
  assert.equal(read.code, 0, read.stderr)
  assert.deepEqual(read.json, { account: alice.address, readUpTo: listed.notifications[0].id, unread: 0 })
  assert.equal((await ask(['notifications', alice.address])).json.unread, 0)
  const human = await agora(['notifications', alice.address, '--indexer', net.indexer.url], { url: net.url, json: false })
  assert.match(human.stdout, /^0 unread for /)
  assert.match(human.stdout, /followed you/)
})

test('search, tag, trending and mentions', async () => {
  const carol = await net.freshAccount()
  await post(carol, 'kookaburra song #dawnchorus')
  await indexed(await post(carol, 'magpie song #DawnChorus'))
  await net.indexer.until('both bodies', async () => (await ask(['tag', 'dawnchorus'])).json?.results.length === 2)
  assert.deepEqual((await ask(['search', 'kookaburra'])).json.results.map((p) => p.body), ['kookaburra song #dawnchorus'])
  assert.deepEqual((await ask(['search', 'song', '--limit', '1'])).json.results.length, 1)
  assert.deepEqual((await ask(['tag', '#DawnChorus'])).json.results.map((p) => p.body), ['magpie song #DawnChorus', 'kookaburra song #dawnchorus'])
  const trending = (await ask(['trending', '--window', '1h'])).json.trending
  assert.deepEqual(trending.find((t) => t.tag === 'dawnchorus'), { tag: 'dawnchorus', posts: 2, authors: 1 })
  const human = await agora(['tag', 'dawnchorus', '--indexer', net.indexer.url], { url: net.url, json: false })
  assert.match(human.stdout, /magpie song/)
})

test('an indexer that is not there, and bad input, are clear errors', async () => {
  const gone = await agora(['search', 'x', '--indexer', `http://127.0.0.1:${await freePort()}`], { url: net.url })
  assert.equal(gone.code, 1)
  assert.match(gone.stderr, /Cannot reach the indexer/)
  const bad = await ask(['tag', '#'])
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /is not a hashtag .*\(8001\)/)
  const kinds = await ask(['notifications', net.alice.address, '--kinds', 'likes'])
  assert.match(kinds.stderr, /unknown kinds likes/)
})
