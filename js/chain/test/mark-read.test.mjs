// The signed mark-read request: only the account's own signature over this very request, on
// this chain, passes.

import assert from 'node:assert/strict'
import { before, test } from 'node:test'

import { Keyring } from '@polkadot/keyring'
import { stringToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util'
import { cryptoWaitReady } from '@polkadot/util-crypto'

import { markReadMessage, signMarkRead, verifyMarkRead } from '../src/mark-read.js'

const GENESIS = '0x' + '11'.repeat(32)
let alice
let bob
before(async () => {
  await cryptoWaitReady()
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  alice = keyring.addFromUri('//Alice')
  bob = keyring.addFromUri('//Bob')
})

test("the account's signature verifies; its message names purpose, chain, key, marker and time", () => {
  const request = signMarkRead(alice, { genesis: GENESIS, upTo: 12, at: 1_700_000_000_000 })
  assert.equal(verifyMarkRead({ genesis: GENESIS, ...request }), true)
  const message = markReadMessage({ genesis: GENESIS, account: alice.address, upTo: '12', at: 1_700_000_000_000 })
  assert.equal(message, [
    'agora-indexer/mark-read/v1', `genesis: ${GENESIS}`, `account: ${u8aToHex(alice.publicKey)}`, 'up-to: 12', 'at: 1700000000000'
  ].join('\n'))
})

test('a browser extension signature (<Bytes>-wrapped) verifies too', () => {
  const at = Date.now()
  const message = markReadMessage({ genesis: GENESIS, account: alice.address, upTo: '3', at })
  const signature = u8aToHex(alice.sign(u8aWrapBytes(stringToU8a(message))))
  assert.equal(verifyMarkRead({ genesis: GENESIS, account: alice.address, upTo: '3', at, signature }), true)
})

test('another signer, another chain, another marker or time, or garbage: refused', () => {
  const request = signMarkRead(alice, { genesis: GENESIS, upTo: 12, at: 1_700_000_000_000 })
  const forged = signMarkRead(bob, { genesis: GENESIS, upTo: 12, at: 1_700_000_000_000 })
  assert.equal(verifyMarkRead({ genesis: GENESIS, ...forged, account: alice.address }), false, "Bob's signature for Alice")
  assert.equal(verifyMarkRead({ genesis: '0x' + '22'.repeat(32), ...request }), false, 'another chain')
  assert.equal(verifyMarkRead({ genesis: GENESIS, ...request, upTo: '13' }), false, 'another marker')
  assert.equal(verifyMarkRead({ genesis: GENESIS, ...request, at: request.at + 1 }), false, 'another time')
  assert.equal(verifyMarkRead({ genesis: GENESIS, ...request, signature: '0x' + '00'.repeat(64) }), false, 'zeros')
})
