// Fetching bodies from a real IPFS daemon (scripts/ipfs.sh): text is indexed, what is not text
// or too large is skipped with the reason, and what nobody serves (yet) is an error to retry.

import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { freePort, startIpfs } from '@agora/testnet'

import { decodeBody } from '../src/bodies/decode.js'
import { ipfsFetcher } from '../src/bodies/fetch.js'

let dir
let ipfs
let fetchBody
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agora-fetch-'))
  ipfs = await startIpfs(dir)
  fetchBody = ipfsFetcher({ api: ipfs.api, timeoutMs: 1_500, maxBytes: 1024 })
})
after(() => {
  ipfs?.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('a UTF-8 body comes back as text with its size', async () => {
  const text = 'hello #agora, καλημέρα'
  const cid = await ipfs.add(new TextEncoder().encode(text))
  assert.deepEqual(await fetchBody(cid), { body: text, bytes: Buffer.byteLength(text) })
})

test('bytes that are not UTF-8, hold NUL or pass the limit are skipped with the reason', async () => {
  assert.deepEqual(await fetchBody(await ipfs.add(Uint8Array.from([0x68, 0xff, 0xfe, 0x69]))), { skipped: 'not UTF-8 text' })
  assert.deepEqual(await fetchBody(await ipfs.add(Uint8Array.from([0x61, 0x00, 0x62]))), { skipped: 'contains NUL characters' })
  assert.deepEqual(await fetchBody(await ipfs.add(new Uint8Array(1025).fill(0x61))), { skipped: 'over the size limit of 1024 bytes' })
  assert.deepEqual(await fetchBody(await ipfs.add(new Uint8Array(1024).fill(0x61))), { body: 'a'.repeat(1024), bytes: 1024 })
})

test('a CID nobody serves yet, or a daemon that is down, is an error (retried later)', async () => {
  const missing = await ipfs.add(new TextEncoder().encode('not added yet'), { onlyHash: true })
  await assert.rejects(fetchBody(missing))
  const down = ipfsFetcher({ api: `http://127.0.0.1:${await freePort()}`, timeoutMs: 1_500, maxBytes: 1024 })
  await assert.rejects(down(missing), /fetch failed/)
})

test('decodeBody: the rules on their own', () => {
  assert.deepEqual(decodeBody(new Uint8Array([0xe2, 0x82]), 10), { skipped: 'not UTF-8 text' }, 'a truncated sequence')
  assert.deepEqual(decodeBody(new Uint8Array(0), 10), { body: '', bytes: 0 })
})
