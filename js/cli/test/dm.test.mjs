// Private messages end to end, with a real dev node and a real IPFS daemon, through the CLI as
// a user runs it: Alice writes to Bob and Bob reads it; Charlie, fetching the same envelope,
// cannot open it; the plaintext is nowhere in the node's database or the IPFS repository; a
// tampered envelope is refused with a clear error; Bob rotates his key and still reads the old
// message; a sender Bob blocked, or one his policy refuses, is refused with nothing stored.

import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { hexToU8a, u8aToHex } from '@polkadot/util'
import { decodeAddress, randomAsHex } from '@polkadot/util-crypto'

import { accountSecret, messageKey, openEnvelope, sealEnvelope } from '@agora/chain/envelope'
import { cliOn, startNetwork } from './harness.mjs'

let net, alice, bob, charlie
const { run, write, refused } = cliOn(() => net)
// A secret no one could guess, so finding it anywhere means it leaked.
const SECRET = `the vault code is ${randomAsHex(16)}`
let firstId

before(async () => {
  net = await startNetwork()
  alice = await net.freshAccount()
  bob = await net.freshAccount()
  charlie = await net.freshAccount()
})
after(async () => { await net?.stop() })

/** Every file under `dir` that contains `needle` (as UTF-8 bytes). */
function filesContaining (dir, needle) {
  const bytes = Buffer.from(needle, 'utf8')
  const found = []
  const walk = (path) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name)
      const stat = statSync(full)
      if (stat.isDirectory()) walk(full)
      else if (stat.isFile() && readFileSync(full).includes(bytes)) found.push(full)
    }
  }
  walk(dir)
  return found
}

const inbox = async (who) => (await write(['dm', 'inbox', '--limit', '100'], who)).messages
const held = async (who) => (await net.api.query.system.account(who.address)).data.reserved.toBigInt()
const agora = (planck) => (Number(planck) / 1e12).toFixed(6)

test('Bob publishes a key; Alice writes to him; Bob reads it', async () => {
  const [bobBefore, aliceBefore] = [await held(bob), await held(alice)]
  const published = await write(['dm', 'key', 'init'], bob, 'messages.KeyPublished')
  assert.equal(published.keyId, 0)
  const mailbox = await net.rpc('social_mailbox', [bob.address])
  assert.equal(mailbox.policy, 'anyone')

  const sent = await write(['dm', 'send', bob.address, SECRET], alice, 'messages.MessageSent')
  firstId = sent.messageId
  assert.equal(sent.from, alice.address)
  assert.equal(sent.to, bob.address)
  const [mailboxDeposit, messageDeposit] = [await held(bob) - bobBefore, await held(alice) - aliceBefore]
  assert.ok(mailboxDeposit > 0n && messageDeposit > 0n)
  console.log(`deposits (AGORA): mailbox ${agora(mailboxDeposit)}, message ${agora(messageDeposit)}`)

  const [message] = await inbox(bob)
  assert.equal(message.id, firstId)
  assert.equal(message.sender, alice.address)
  assert.equal(message.text, SECRET)
  const read = await write(['dm', 'read', String(firstId)], bob)
  assert.equal(read.message.text, SECRET)
})

test('Charlie fetches the same envelope and cannot open it', async () => {
  const notice = await net.rpc('social_notice', [bob.address, firstId])
  const bytes = hexToU8a(await net.rpc('content_get', [notice.envelope]))
  assert.ok(!Buffer.from(bytes).includes(Buffer.from(SECRET)), 'the envelope holds no plaintext')
  const charlieKey = await messageKey(accountSecret(charlie.suri, charlie.pair.publicKey), 0)
  await assert.rejects(
    openEnvelope({ bytes, me: charlie.pair.publicKey, keyFor: async () => charlieKey }),
    /failed authentication/
  )
  // Nor does Charlie's client find it: it is not in Charlie's inbox.
  assert.match(await refused(['dm', 'read', String(firstId)], charlie), /not in your inbox/)
})

test('the plaintext is nowhere in the chain database or the IPFS repository', async () => {
  // Controls: a marker put on chain in the clear (a remark) and one added to IPFS in the clear
  // are found by the same scan, so the scan can see what is stored.
  const onChain = `chain-marker-${randomAsHex(8)}`
  const onIpfs = `ipfs-marker-${randomAsHex(8)}`
  await net.submitAs(alice, net.api.tx.system.remark(u8aToHex(Buffer.from(onChain))))
  await net.rpc('content_add', [u8aToHex(Buffer.from(onIpfs))])
  assert.notDeepEqual(filesContaining(net.chainPath, onChain), [], 'the scan sees the chain database')
  assert.notDeepEqual(filesContaining(net.ipfsPath, onIpfs), [], 'the scan sees the IPFS repository')

  assert.deepEqual(filesContaining(net.chainPath, SECRET), [])
  assert.deepEqual(filesContaining(net.ipfsPath, SECRET), [])
})

test('a tampered envelope is refused with a clear error', async () => {
  const mailbox = await net.rpc('social_mailbox', [bob.address])
  const sealed = await sealEnvelope({
    sender: alice.pair, to: decodeAddress(bob.address), recipientKey: hexToU8a(mailbox.key), keyId: mailbox.keyId, text: 'pay Alice 10'
  })
  const document = JSON.parse(Buffer.from(sealed).toString())
  const ciphertext = Buffer.from(document.ciphertext, 'base64')
  ciphertext[40] ^= 0x01
  document.ciphertext = ciphertext.toString('base64')
  const { cid, size } = await net.rpc('content_add', [u8aToHex(Buffer.from(JSON.stringify(document)))])
  const { events } = await net.submitAs(alice, net.api.tx.messages.sendMessage(bob.address, cid, size))
  const id = events.find((e) => e.method === 'MessageSent').data.messageId

  const error = await refused(['dm', 'read', String(id)], bob)
  assert.match(error, new RegExp(`message ${id} cannot be read: the envelope failed authentication: it was altered`))
  const listed = (await inbox(bob)).find((m) => m.id === id)
  assert.match(listed.error, /failed authentication/)
  assert.equal(listed.text, undefined)
  await write(['dm', 'remove', String(id)], bob, 'messages.NoticeRemoved')
})

test('after rotating his key Bob still reads the old message, and new ones use the new key', async () => {
  const rotated = await write(['dm', 'key', 'rotate'], bob, 'messages.KeyPublished')
  assert.equal(rotated.keyId, 1)
  const old = await net.rpc('social_messageKey', [bob.address, 0])
  assert.notEqual(old.retiredAt, null)

  const read = await write(['dm', 'read', String(firstId)], bob)
  assert.equal(read.message.text, SECRET)
  assert.equal(read.message.keyId, 0)

  const sent = await write(['dm', 'send', bob.address, 'after the rotation'], alice, 'messages.MessageSent')
  const fresh = await write(['dm', 'read', String(sent.messageId)], bob)
  assert.equal(fresh.message.text, 'after the rotation')
  assert.equal(fresh.message.keyId, 1)
})

test('a sender Bob blocked is refused, and nothing is stored or held', async () => {
  await write(['dm', 'block', charlie.address], bob, 'messages.SenderBlocked')
  const before = await inbox(bob)
  const charlieHeld = await held(charlie)

  assert.match(await refused(['dm', 'send', bob.address, 'let me in'], charlie), /messages\.SenderBlocked/)
  assert.deepEqual((await inbox(bob)).map((m) => m.id), before.map((m) => m.id))
  assert.equal(await held(charlie), charlieHeld)

  await write(['dm', 'unblock', charlie.address], bob, 'messages.SenderUnblocked')
  await write(['dm', 'send', bob.address, 'thanks'], charlie, 'messages.MessageSent')
})

test('Bob\'s policy decides who may write: only accounts he follows, or nobody', async () => {
  await write(['dm', 'policy', 'following'], bob, 'messages.PolicySet')
  assert.match(await refused(['dm', 'send', bob.address, 'hello?'], alice), /messages\.NotAccepted/)
  await write(['follow', alice.address], bob, 'follows.Followed')
  await write(['dm', 'send', bob.address, 'hello, friend'], alice, 'messages.MessageSent')
  await write(['dm', 'policy', 'nobody'], bob, 'messages.PolicySet')
  assert.match(await refused(['dm', 'send', bob.address, 'hello?'], alice), /accepts messages from nobody/)
  // Writing to someone with no key is refused before anything is uploaded or sent.
  assert.match(await refused(['dm', 'send', charlie.address, 'hi'], alice), /has published no message key/)
})

test('Bob removes a message and Alice gets her deposit back', async () => {
  const before = await held(alice)
  const removed = await write(['dm', 'remove', String(firstId)], bob, 'messages.NoticeRemoved')
  assert.equal(removed.from, alice.address)
  assert.ok(await held(alice) < before)
  assert.match(await refused(['dm', 'read', String(firstId)], bob), /not in your inbox/)
  // Alice may not take back what she sent before its lifetime (30 days) is over; Charlie, a
  // stranger to the message, may never remove it.
  const [latest] = await inbox(bob)
  const removeLatest = net.api.tx.messages.removeNotice(bob.address, latest.id)
  await assert.rejects(net.submitAs(alice, removeLatest), /messages\.NotExpired/)
  await assert.rejects(net.submitAs(charlie, removeLatest), /messages\.NotAllowed/)
  assert.equal((await inbox(bob))[0].id, latest.id)
  const { code, stdout } = await run(['dm', 'inbox'], alice)
  assert.equal(code, 0)
  assert.deepEqual(JSON.parse(stdout).messages, [])
})
