// End-to-end: every command of the CLI against a real dev node and IPFS daemon, each test
// with its own fresh funded accounts.

import assert from 'node:assert/strict'
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { agora, cliOn, startNetwork } from './harness.mjs'

let net
before(async () => { net = await startNetwork() })
after(async () => { await net?.stop() })

const { run, write } = cliOn(() => net)

/** The post id an event carries: a JSON number, never a display string such as "1,234". */
function idOf (data) {
  assert.equal(typeof data.postId, 'number', `postId is a number in ${JSON.stringify(data)}`)
  return data.postId
}

test('post uploads the body and puts its CID on chain; show reads it back', async () => {
  const alice = await net.freshAccount()
  const created = await write(['post', 'Hello from the command line'], alice, 'posts.PostCreated')
  assert.match(created.content, /^bafkrei/, 'the event shows the CID as text')
  const { post } = (await run(['show', String(idOf(created))])).json
  assert.equal(post.body, 'Hello from the command line')
  assert.equal(post.author, alice.address)
  assert.equal(post.content, created.content)

  const dir = mkdtempSync(join(tmpdir(), 'agora-body-'))
  writeFileSync(join(dir, 'essay.md'), '# An essay\n\nwith two lines')
  const fromFile = await write(['post', '--file', join(dir, 'essay.md')], alice, 'posts.PostCreated')
  const shown = (await run(['show', String(idOf(fromFile))])).json.post
  assert.equal(shown.body, '# An essay\n\nwith two lines')

  const mine = (await run(['posts', alice.address])).json.posts.map((p) => p.id)
  assert.deepEqual(mine, [idOf(fromFile), idOf(created)], 'newest first')
})

test('reply, quote, repost and thread', async () => {
  const [alice, bob] = [await net.freshAccount(), await net.freshAccount()]
  const root = idOf(await write(['post', 'a question'], alice, 'posts.PostCreated'))
  const replied = await write(['reply', String(root), 'an answer'], bob, 'posts.PostCreated')
  // Event data is machine-readable all the way down: nested ids are numbers too.
  assert.deepEqual(replied.kind, { reply: { parent: root, root } })
  assert.equal(replied.author, bob.address)
  const reply = idOf(replied)
  const quote = idOf(await write(['quote', String(root), 'look at this'], bob, 'posts.PostCreated'))
  const repost = await write(['repost', String(root)], bob, 'posts.Reposted')
  assert.equal(repost.of, root)

  const thread = (await run(['thread', String(root)])).json
  assert.equal(thread.post.body, 'a question')
  assert.deepEqual(thread.replies.map((r) => [r.id, r.body]), [[reply, 'an answer']])
  assert.equal(thread.post.replies, 1)
  assert.equal(thread.post.quotes, 1)
  assert.equal(thread.post.reposts, 1)
  assert.deepEqual((await run(['show', String(quote)])).json.post.kind, { type: 'quote', of: root })
  const quotes = (await run(['quotes', String(root)])).json
  assert.deepEqual(quotes.quotes.map((q) => [q.id, q.body]), [[quote, 'look at this']])
  assert.equal(quotes.next, null)
})

test('edit and delete own posts; editing someone else\'s post fails with the pallet error', async () => {
  const [alice, bob] = [await net.freshAccount(), await net.freshAccount()]
  const id = idOf(await write(['post', 'first draft'], alice, 'posts.PostCreated'))
  const edited = await write(['edit', String(id), 'second draft'], alice, 'posts.PostEdited')
  assert.equal(edited.revision, 1)
  assert.equal((await run(['show', String(id)])).json.post.body, 'second draft')

  const refused = await run(['edit', String(id), 'vandalism'], bob)
  assert.equal(refused.code, 1)
  assert.equal(refused.stderr.trim(), 'agora: Only the author may edit or delete a post (posts.NotAuthor)')
  assert.equal((await run(['show', String(id)])).json.post.body, 'second draft', 'nothing changed')

  await write(['delete', String(id)], alice, 'posts.PostDeleted')
  const gone = await run(['show', String(id)])
  assert.equal(gone.code, 1)
  assert.match(gone.stderr, /does not exist/)
})

test('follow, feed, followers, unfollow; following yourself is refused', async () => {
  const [reader, alice, bob] = [await net.freshAccount(), await net.freshAccount(), await net.freshAccount()]
  await write(['follow', alice.address], reader, 'follows.Followed')
  await write(['follow', bob.address], reader, 'follows.Followed')
  const a = idOf(await write(['post', 'alice speaks'], alice, 'posts.PostCreated'))
  const b = idOf(await write(['post', 'bob answers'], bob, 'posts.PostCreated'))

  const feed = (await run(['feed'], reader)).json
  assert.equal(feed.sources, 2)
  assert.deepEqual(feed.posts.map((p) => [p.id, p.body]), [[b, 'bob answers'], [a, 'alice speaks']])
  const firstPage = (await run(['feed', '--limit', '1'], reader)).json
  assert.deepEqual(firstPage.posts.map((p) => p.id), [b])
  const secondPage = (await run(['feed', '--limit', '1', '--cursor', firstPage.next], reader)).json
  assert.deepEqual(secondPage.posts.map((p) => p.id), [a])

  assert.deepEqual((await run(['followers', alice.address])).json.accounts, [reader.address])
  assert.equal((await run(['following'], reader)).json.accounts.length, 2)
  await write(['unfollow', alice.address], reader, 'follows.Unfollowed')
  assert.deepEqual((await run(['feed'], reader)).json.posts.map((p) => p.id), [b])

  const self = await run(['follow', reader.address], reader)
  assert.equal(self.code, 1)
  assert.match(self.stderr, /^agora: .*\(follows\.CannotFollowSelf\)$/m)
})

test('react, change and remove a reaction', async () => {
  const [alice, bob] = [await net.freshAccount(), await net.freshAccount()]
  const id = idOf(await write(['post', 'react to me'], alice, 'posts.PostCreated'))
  await write(['react', String(id), 'love'], bob, 'reactions.Reacted')
  assert.deepEqual((await run(['show', String(id)])).json.post.reactions, { love: 1 })
  await write(['react', String(id), 'laugh'], bob, 'reactions.ReactionChanged')
  assert.deepEqual((await run(['show', String(id)])).json.post.reactions, { laugh: 1 })
  assert.deepEqual((await run(['reactors', String(id)])).json,
    { reactors: [{ account: bob.address, kind: 'laugh' }], next: null })
  await write(['unreact', String(id)], bob, 'reactions.Unreacted')
  assert.deepEqual((await run(['show', String(id)])).json.post.reactions, {})
  assert.deepEqual((await run(['reactors', String(id)])).json.reactors, [])
  const bad = await run(['react', String(id), 'meh'], bob)
  assert.equal(bad.code, 1)
  assert.match(bad.stderr, /not a reaction kind: like, /)
})

test('the reaction kinds are the runtime\'s ReactionKind variants, each accepted and named alike by the RPC', async () => {
  // Found by the type's path, not the way the client finds it (the type of reactions.react's
  // `kind` argument), so the two readings of the metadata check each other.
  const types = net.api.registry.lookup.types.filter(({ type }) => {
    const path = type.path.map(String)
    return path[0] === 'agora_primitives' && path.at(-1) === 'ReactionKind'
  })
  assert.equal(types.length, 1, 'one ReactionKind type in the metadata')
  const expected = types[0].type.def.asVariant.variants.map(({ name }) => name.toString().toLowerCase())
  const listed = await run(['reaction', 'kinds'])
  assert.equal(listed.code, 0, listed.stderr)
  assert.deepEqual(listed.json.kinds, expected)

  const [alice, bob] = [await net.freshAccount(), await net.freshAccount()]
  const id = idOf(await write(['post', 'react to me every way'], alice, 'posts.PostCreated'))
  for (const kind of expected) {
    await write(['react', String(id), kind], bob)
    assert.equal(await net.rpc('social_reactionOf', [id, bob.address]), kind, `the RPC names ${kind} alike`)
  }
})

test('profile and handle: set, show by account and by handle, clear', async () => {
  const carol = await net.freshAccount()
  const handle = `carol_${Date.now() % 100000}`
  await write(['profile', 'set', '{"name":"Carol","bio":"writes things"}'], carol, 'profiles.ProfileCreated')
  await write(['handle', 'set', handle], carol, 'profiles.HandleSet')
  const byHandle = (await run(['profile', 'show', `@${handle}`])).json.profile
  assert.equal(byHandle.account, carol.address)
  assert.equal(byHandle.document, '{"name":"Carol","bio":"writes things"}')
  assert.deepEqual((await run(['profile', 'show', carol.address])).json.profile, byHandle)
  await write(['handle', 'clear'], carol, 'profiles.HandleCleared')
  await write(['profile', 'clear'], carol, 'profiles.ProfileRemoved')
  assert.equal((await run(['profile', 'show', carol.address])).json.profile, null)
})

test('bad input: a malformed CID, a bad post id, an unknown handle', async () => {
  const dave = await net.freshAccount()
  const badCid = await run(['post', '--cid', 'not-a-cid', '--size', '10'], dave)
  assert.equal(badCid.code, 1)
  assert.match(badCid.stderr, /^agora: .*\(posts\.InvalidCid\)$/m)
  const cid = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
  const noSize = await run(['post', '--cid', cid], dave)
  assert.match(noSize.stderr, /--cid needs --size/)
  const tooLarge = await run(['post', '--cid', cid, '--size', String(64 * 1024 * 1024)], dave)
  assert.match(tooLarge.stderr, /\(posts\.ContentTooLarge\)$/m)
  const badId = await run(['show', 'seven'])
  assert.equal(badId.code, 1)
  assert.match(badId.stderr, /not a post id/)
  const nobody = await run(['posts', '@nobody_here'])
  assert.equal(nobody.code, 1)
  assert.match(nobody.stderr, /nobody holds the handle/)
})

test('chain properties for people: symbol, decimals, SS58', async () => {
  const chain = (await run(['chain'])).json
  assert.deepEqual([chain.tokenSymbol, chain.tokenDecimals, chain.ss58Format], ['AGORA', 12, 42])
  assert.equal(typeof chain.best, 'number')
  const human = await agora(['chain'], { url: net.url, json: false })
  assert.match(human.stdout, /tokenSymbol: AGORA/)
})
