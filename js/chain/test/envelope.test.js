// The envelope format on its own (no node): a message sealed to Bob opens for Bob only; any
// change to the envelope, a wrong recipient, a forged sender or bad padding is a clear error.

import assert from 'node:assert/strict'
import { before, test } from 'node:test'

import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'

import { BUCKETS, EnvelopeError, accountSecret, messageKey, openEnvelope, readEnvelope, sealEnvelope } from '../src/envelope.js'

let alice, bob, charlie
const keys = {}
before(async () => {
  await cryptoWaitReady()
  const keyring = new Keyring({ type: 'sr25519' })
  ;[alice, bob, charlie] = ['//Alice', '//Bob', '//Charlie'].map((suri) => keyring.addFromUri(suri))
  for (const [name, suri, pair] of [['bob', '//Bob', bob], ['charlie', '//Charlie', charlie]]) {
    keys[name] = await messageKey(accountSecret(suri, pair.publicKey), 0)
  }
})

const sealToBob = (text, extra = {}) => sealEnvelope({ sender: alice, to: bob.publicKey, recipientKey: keys.bob.publicKey, keyId: 0, text, ...extra })
const openAs = (who, bytes, extra = {}) => openEnvelope({ bytes, me: who.publicKey, keyFor: async () => keys[who === bob ? 'bob' : 'charlie'], ...extra })
const edited = (bytes, change) => {
  const document = JSON.parse(new TextDecoder().decode(bytes))
  change(document)
  return new TextEncoder().encode(JSON.stringify(document))
}

test('message keys are derived, stable and distinct per number and account', async () => {
  const again = await messageKey(accountSecret('//Bob', bob.publicKey), 0)
  assert.deepEqual(again.publicKey, keys.bob.publicKey)
  const next = await messageKey(accountSecret('//Bob', bob.publicKey), 1)
  assert.notDeepEqual(next.publicKey, keys.bob.publicKey)
  assert.notDeepEqual(keys.charlie.publicKey, keys.bob.publicKey)
  assert.throws(() => accountSecret('//Bob', alice.publicKey), EnvelopeError)
})

test('Bob opens what Alice sealed to him; Charlie cannot', async () => {
  const bytes = await sealToBob('meet at noon', { sentAt: 1_700_000_000_000 })
  const opened = await openAs(bob, bytes, { sender: alice.publicKey })
  assert.equal(opened.text, 'meet at noon')
  assert.deepEqual(opened.from, alice.publicKey)
  assert.equal(opened.sentAt, 1_700_000_000_000)
  assert.ok(!new TextDecoder().decode(bytes).includes('meet at noon'))
  await assert.rejects(openAs(charlie, bytes), /failed authentication/)
})

test('the padded size hides the length within a bucket', async () => {
  const short = readEnvelope(await sealToBob('hi'))
  const longer = readEnvelope(await sealToBob('x'.repeat(100)))
  assert.equal(short.ciphertext.length, BUCKETS[0] + 16)
  assert.equal(longer.ciphertext.length, short.ciphertext.length)
  const big = readEnvelope(await sealToBob('x'.repeat(3000)))
  assert.equal(big.ciphertext.length, BUCKETS[2] + 16)
  await assert.rejects(sealToBob('x'.repeat(BUCKETS.at(-1))), /too long/)
})

test('any change to the envelope is refused with a clear error', async () => {
  const bytes = await sealToBob('pay 10 to Alice')
  const flipped = edited(bytes, (d) => {
    const raw = Buffer.from(d.ciphertext, 'base64')
    raw[20] ^= 1
    d.ciphertext = raw.toString('base64')
  })
  await assert.rejects(openAs(bob, flipped), /failed authentication: it was altered/)
  const otherEnc = edited(bytes, (d) => { d.enc = Buffer.alloc(32, 7).toString('base64') })
  await assert.rejects(openAs(bob, otherEnc), /failed authentication/)
  // The key number is bound as associated data: changing it breaks authentication.
  const otherKeyId = edited(bytes, (d) => { d.keyId = 1 })
  await assert.rejects(openAs(bob, otherKeyId), /failed authentication/)
  await assert.rejects(openAs(bob, edited(bytes, (d) => { d.version = 2 })), /version 2 is not supported/)
  await assert.rejects(openAs(bob, new TextEncoder().encode('hello')), /not a message envelope/)
})

test('a sender other than the notice\'s, or a message for someone else, is refused', async () => {
  const bytes = await sealToBob('hello')
  await assert.rejects(openAs(bob, bytes, { sender: charlie.publicKey }), /signed by another account/)
  // Alice seals to Bob's key a message whose inner recipient is Charlie.
  const misdirected = await sealEnvelope({ sender: alice, to: charlie.publicKey, recipientKey: keys.bob.publicKey, keyId: 0, text: 'hi' })
  await assert.rejects(openAs(bob, misdirected), /written to another account/)
})
