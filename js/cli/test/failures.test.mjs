// End-to-end: what a user sees when the node or the IPFS daemon is not there.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { agora, freePort, startNetwork } from './harness.mjs'

let net
before(async () => { net = await startNetwork() })
after(async () => { await net?.stop() })

test('an unreachable node is named, without a stack trace', async () => {
  const url = `ws://127.0.0.1:${await freePort()}`
  const result = await agora(['feed'], { url })
  assert.equal(result.code, 1)
  assert.equal(result.stderr.trim(), `agora: Cannot reach an Agora node at ${url} (is it running? try scripts/dev.sh)`)
})

test('an unreachable IPFS daemon is named, and nothing goes on chain', async () => {
  const erin = await net.freshAccount()
  net.stopIpfs()
  const result = await agora(['post', 'lost words'], { url: net.url, suri: erin.suri })
  assert.equal(result.code, 1)
  assert.match(result.stderr, /^agora: the IPFS daemon at http:\/\/127\.0\.0\.1:\d+ is unreachable/)
  const posts = await agora(['posts', erin.address], { url: net.url })
  assert.deepEqual(posts.json.posts, [])
})
