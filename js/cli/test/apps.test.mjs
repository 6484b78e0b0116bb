// Polkadot.js apps' path: @polkadot/api exactly as apps uses it, with no custom types and no
// RPC definitions (metadata from the node, default signed extensions). Every social call is
// constructed, signed and submitted; every event of every block it lands in decodes; the
// chain properties apps shows are there.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { ApiPromise, WsProvider } from '@polkadot/api'
import { findUnknownExtensions } from '@polkadot/types/extrinsic/signedExtensions'

import { startNetwork } from './harness.mjs'

const CID_A = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
const CID_B = 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o'

let net
let api
before(async () => {
  net = await startNetwork({ ipfs: false })
  api = await ApiPromise.create({ provider: new WsProvider(net.url), noInitWarn: true })
})
after(async () => {
  await api?.disconnect()
  await net?.stop()
})

/** Signs and submits as apps does; returns the decoded events of the extrinsic's block. */
function sendAsApps (tx, pair) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(pair, async ({ status, dispatchError, events }) => {
      if (status.isInvalid || status.isDropped) return reject(new Error(status.type))
      // A node that seals and finalizes at once may report Finalized without InBlock.
      if (!status.isInBlock && !status.isFinalized) return
      if (dispatchError) {
        const { section, name } = api.registry.findMetaError(dispatchError.asModule)
        return reject(new Error(`${section}.${name}`))
      }
      const all = await api.query.system.events.at(status.isInBlock ? status.asInBlock : status.asFinalized)
      resolve({ mine: events.map(({ event }) => event), all: all.map(({ event }) => event) })
    }).catch(reject)
  })
}

test('signed extensions apps does not know carry no data; the chain properties are there', async () => {
  // @polkadot/api treats an extension it does not know as carrying nothing. That is exact only
  // if the extension's explicit and implicit data are both empty: check it from the metadata.
  // The one such extension is cumulus' StorageWeightReclaim wrapper (proof-size reclaim).
  const unknown = findUnknownExtensions(api.registry.signedExtensions)
  assert.deepEqual(unknown, ['StorageWeightReclaim'])
  for (const name of unknown) {
    const ext = api.registry.metadata.extrinsic.transactionExtensions
      .find((e) => e.identifier.toString() === name)
    for (const typeId of [ext.type, ext.implicit]) {
      const def = api.registry.lookup.getSiType(typeId).def
      assert.ok(def.isTuple && def.asTuple.length === 0, `${name} carries no data`)
    }
  }
  assert.deepEqual(api.registry.chainTokens, ['AGORA'])
  assert.deepEqual(api.registry.chainDecimals, [12])
  assert.equal(api.registry.chainSS58, 42)
})

test('every social call signs, lands and decodes its events without custom types', async () => {
  const [alice, bob] = [(await net.freshAccount()).pair, (await net.freshAccount()).pair]
  const calls = [
    [api.tx.profiles.setProfile(CID_A, 100), alice, 'profiles.ProfileCreated'],
    [api.tx.profiles.setHandle(`apps_${Date.now() % 100000}`), alice, 'profiles.HandleSet'],
    [api.tx.profiles.setProfile(CID_B, 100), alice, 'profiles.ProfileUpdated'],
    [api.tx.profiles.clearHandle(), alice, 'profiles.HandleCleared'],
    [api.tx.profiles.removeProfile(), alice, 'profiles.ProfileRemoved'],
    [api.tx.posts.createPost(CID_A, 100), alice, 'posts.PostCreated'],
    [api.tx.follows.follow(alice.address), bob, 'follows.Followed'],
    [api.tx.follows.unfollow(alice.address), bob, 'follows.Unfollowed']
  ]
  const seen = []
  let postId
  const run = async ([tx, pair, expected]) => {
    const { mine, all } = await sendAsApps(tx, pair)
    for (const event of all) {
      assert.ok(api.events[event.section]?.[event.method]?.is(event), `${event.section}.${event.method} decodes`)
      assert.doesNotThrow(() => JSON.stringify(event.toHuman()))
    }
    const found = mine.find((e) => `${e.section}.${e.method}` === expected)
    assert.ok(found, `${expected} among ${mine.map((e) => `${e.section}.${e.method}`)}`)
    seen.push(expected)
    return found
  }
  for (const call of calls) {
    const event = await run(call)
    if (call[2] === 'posts.PostCreated') postId = event.data[0].toNumber()
  }
  for (const call of [
    [api.tx.posts.reply(postId, CID_B, 100), bob, 'posts.PostCreated'],
    [api.tx.posts.quote(postId, CID_B, 100), bob, 'posts.PostCreated'],
    [api.tx.posts.repost(postId), bob, 'posts.Reposted'],
    [api.tx.posts.editPost(postId, CID_B, 100), alice, 'posts.PostEdited'],
    [api.tx.reactions.react(postId, 'Like'), bob, 'reactions.Reacted'],
    [api.tx.reactions.react(postId, 'Celebrate'), bob, 'reactions.ReactionChanged'],
    [api.tx.reactions.unreact(postId), bob, 'reactions.Unreacted'],
    [api.tx.posts.deletePost(postId), alice, 'posts.PostDeleted']
  ]) {
    await run(call)
  }
  assert.equal(seen.length, 16)

  // Storage reads as apps' Chain state page does them.
  const post = await api.query.posts.posts(postId)
  assert.ok(post.isNone, 'the deleted post is gone')
  assert.equal((await api.query.posts.nextPostId()).toNumber() > postId, true)
})
