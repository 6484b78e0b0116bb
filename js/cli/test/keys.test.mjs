// End-to-end: app keys and social recovery through the CLI, against a real dev node and IPFS
// daemon. An app key posts and follows as its account until it is revoked; a lost account's
// friends recover it and the heir posts as the same account, handle and followers intact.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { cliOn, startNetwork } from './harness.mjs'

let net
before(async () => { net = await startNetwork() })
after(async () => { await net?.stop() })

const { run, write, refused } = cliOn(() => net)

test('an app key posts and follows as the account, cannot do more, and stops when revoked', async () => {
  const [alice, app, carol] = [await net.freshAccount(), await net.freshAccount(), await net.freshAccount()]
  await write(['keys', 'add', app.address], alice, 'proxy.ProxyAdded')
  const { keys } = (await run(['keys', 'list', alice.address])).json
  assert.deepEqual(keys.map(({ key, type }) => ({ key, type })), [{ key: app.address, type: 'social' }])

  const created = await write(['post', 'posted by my app', '--as', alice.address], app, 'posts.PostCreated')
  assert.equal(created.author, alice.address, 'the account is the author')
  const { post } = (await run(['show', String(created.postId)])).json
  assert.equal(post.author, alice.address)
  assert.equal(post.body, 'posted by my app')
  await write(['follow', carol.address, '--as', alice.address], app, 'follows.Followed')
  assert.deepEqual((await run(['following', alice.address])).json.accounts, [carol.address])
  assert.deepEqual((await run(['posts', app.address])).json.posts, [], 'the app key itself posted nothing')

  // What a social key may not do, each refused with a readable reason and nothing changed.
  const handle = await refused(['handle', 'set', 'stolen', '--as', alice.address], app)
  assert.match(handle, /system\.CallFiltered.*social app key/)
  assert.equal((await run(['profile', 'show', alice.address])).json.profile, null)
  assert.match(await refused(['keys', 'add', carol.address, '--type', 'full', '--as', alice.address], app), /CallFiltered/)
  assert.equal((await run(['keys', 'list', alice.address])).json.keys.length, 1)

  await write(['keys', 'remove', app.address], alice, 'proxy.ProxyRemoved')
  assert.deepEqual((await run(['keys', 'list', alice.address])).json.keys, [])
  assert.match(await refused(['post', 'after revocation', '--as', alice.address], app), /may not act for/)
  // Even sent by hand, past the client's own check, the chain refuses it.
  const before = (await run(['posts', alice.address])).json.posts.length
  await assert.rejects(
    net.submitAs(app, net.api.tx.proxy.proxy(alice.address, null, net.api.tx.posts.createPost('bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4', 100))),
    /proxy\.NotProxy/
  )
  assert.equal((await run(['posts', alice.address])).json.posts.length, before)
})

test('an expiring app key works until its block and not after', async () => {
  const [alice, app] = [await net.freshAccount(), await net.freshAccount()]
  const now = (await run(['chain'])).json.best
  // Instant seal: each transaction is one block. The key is added in block now+1 and posts in
  // block now+2; the next transaction (now+3) is past its end.
  await write(['keys', 'add', app.address, '--until', String(now + 2)], alice, 'proxy.ProxyAdded')
  assert.equal((await run(['keys', 'list', alice.address])).json.keys[0].until, now + 2)
  await write(['post', 'before the end', '--as', alice.address], app, 'posts.PostCreated')
  // The client sees the key has expired; sent by hand anyway, the chain refuses it.
  assert.match(await refused(['post', 'after the end', '--as', alice.address], app), /may not act for/)
  const body = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
  await assert.rejects(
    net.submitAs(app, net.api.tx.proxy.proxy(alice.address, { SocialUntil: now + 2 }, net.api.tx.posts.createPost(body, 100))),
    /system\.CallFiltered/
  )
})

test('friends recover a lost account; the heir posts as it with its handle and followers', async () => {
  // Funded one at a time: the funding transfers all come from one account.
  const accounts = []
  for (let i = 0; i < 6; i++) accounts.push(await net.freshAccount())
  const [dave, alice, bob, charlie, heir, fan] = accounts
  await write(['profile', 'set', 'Dave, before he lost his key'], dave, 'profiles.ProfileCreated')
  await write(['handle', 'set', 'dave'], dave, 'profiles.HandleSet')
  await write(['follow', '@dave'], fan, 'follows.Followed')
  const delay = 4
  await write(['recovery', 'setup', alice.address, bob.address, charlie.address,
    '--threshold', '2', '--delay', String(delay), '--heir', heir.address], dave, 'recovery.FriendGroupsChanged')
  const setup = (await run(['recovery', 'status', '@dave'])).json
  assert.equal(setup.friendGroups[0].threshold, 2)
  assert.equal(setup.friendGroups[0].heir, heir.address)

  // Dave's key is lost. The heir cannot act for him yet; a stranger cannot vouch.
  assert.match(await refused(['post', 'too early', '--as', '@dave'], heir), /may not act for/)
  assert.match(await refused(['recovery', 'vouch', '@dave'], fan), /is not a friend/)

  await write(['recovery', 'vouch', '@dave'], alice, 'recovery.AttemptInitiated')
  await write(['recovery', 'vouch', '@dave'], bob, 'recovery.AttemptApproved')
  const open = (await run(['recovery', 'status', '@dave'])).json.attempts[0]
  assert.equal(open.approvals, 2)
  assert.match(await refused(['recovery', 'claim', '@dave'], heir), /claimable from block/)
  await assert.rejects(
    net.submitAs(heir, net.api.tx.recovery.finishAttempt(dave.address, 0)),
    /recovery\.NotYetInheritable/
  )
  // Blocks pass (instant seal: one per transaction).
  while ((await run(['chain'])).json.best < open.claimableAt) await net.freshAccount()
  await write(['recovery', 'claim', '@dave'], heir, 'recovery.AttemptFinished')
  assert.equal((await run(['recovery', 'status', '@dave'])).json.heir, heir.address)

  // `@dave` still names Dave's account: the handle is intact.
  const created = await write(['post', 'I am back', '--as', '@dave'], heir, 'posts.PostCreated')
  assert.equal(created.author, dave.address, 'the same account')
  assert.equal((await run(['posts', '@dave'])).json.posts[0].body, 'I am back')
  assert.deepEqual((await run(['followers', '@dave'])).json.accounts, [fan.address], 'followers intact')
  // The heir may not rewrite Dave's recovery from inside it.
  assert.match(await refused(['recovery', 'close', '--as', '@dave'], heir), /CallFiltered/)
})
