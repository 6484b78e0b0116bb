#!/usr/bin/env node
// Fills a dev chain with social items through ordinary signed calls, until the social
// pallets hold at least `--items` storage entries: the large state on which
// `benches/db-weights.sh` measures the database (a weight measured on a near-empty database
// would be too kind).
//
//   node js/load/fill.mjs --url ws://127.0.0.1:9944 --items 1000000 --accounts 1000
//
// Every call is a real item with its deposit and counters, as users make them: in each round
// every account posts, follows the next account along the ring it does not follow yet, and
// reacts to a post it has not reacted to yet. Rounds go out in chunks (signed offline,
// submitted and followed to inclusion with `includeAll`); a chunk in which anything is dropped,
// invalid or fails stops the fill. A fill stopped half-way resumes on the same chain with new
// accounts (`benches/db-weights.sh --keep DIR`): the items made so far stay.

import { parseArgs } from 'node:util'

import { Keyring } from '@polkadot/keyring'
import { xxhashAsHex } from '@polkadot/util-crypto'

import { countFailures, fundAccounts, includeAll, now, runTool, signOffline } from './lib.mjs'

const CID = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
const KINDS = ['Like', 'Love', 'Upvote']
/** The pallets whose entries count as social items. */
const SOCIAL_PALLETS = ['Profiles', 'Posts', 'Follows', 'Reactions', 'Messages']

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    items: { type: 'string', default: '1000000' },
    accounts: { type: 'string', default: '1000' },
    // Rounds per chunk: each round is three calls per account.
    chunk: { type: 'string', default: '10' }
  }
})

/** Storage entries under the social pallets' prefixes at the best block. */
async function countItems (api) {
  let total = 0
  const at = await api.rpc.chain.getBlockHash()
  for (const pallet of SOCIAL_PALLETS) {
    const prefix = xxhashAsHex(pallet, 128)
    let start
    for (;;) {
      const keys = await api.rpc.state.getKeysPaged(prefix, 1000, start, at)
      total += keys.length
      if (keys.length < 1000) break
      start = keys[keys.length - 1]
    }
  }
  return total
}

async function main (api) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const target = Number(opts.items)
  const count = Number(opts.accounts)
  const roundsPerChunk = Number(opts.chunk)
  const started = now()

  const accounts = await fundAccounts(api, keyring.addFromUri('//Alice'), keyring, count)
  const nonces = accounts.map(() => 0)
  let round = 0
  let calls = 0
  let items = await countItems(api)
  console.log(`# ${count} funded accounts; ${items} social items to start with; target ${target}`)
  while (items < target) {
    if (round >= count - 1) throw new Error('every account follows every other: use more --accounts')
    const firstPost = (await api.query.posts.nextPostId()).toNumber()
    const signed = []
    for (let r = round; r < round + roundsPerChunk && r < count - 1; r++) {
      // Signing takes a while: let the connection's pings and messages through meanwhile, or
      // the node drops a client that stops reading.
      await new Promise((resolve) => setImmediate(resolve))
      accounts.forEach((pair, a) => {
        signed.push(signOffline(api, pair, api.tx.posts.createPost(CID, 100), nonces[a]++))
        signed.push(signOffline(api, pair, api.tx.follows.follow(accounts[(a + 1 + r) % count].address), nonces[a]++))
        // Round r reacts to a post of the rounds before (posts up to `firstPost` exist), a
        // different one each round: post (a + r) mod firstPost.
        if (firstPost > 0) {
          signed.push(signOffline(api, pair, api.tx.reactions.react((a + r) % firstPost, KINDS[r % KINDS.length]), nonces[a]++))
        }
      })
    }
    const result = await includeAll(api, signed, 1800)
    const failed = await countFailures(api, result)
    if (result.dropped || result.invalid || failed) {
      throw new Error(`chunk at round ${round}: ${result.dropped} dropped, ${result.invalid} invalid, ${failed} failed`)
    }
    round += roundsPerChunk
    calls += signed.length
    items = await countItems(api)
    const mean = result.perBlock.length ? Math.round(signed.length / result.perBlock.length) : 0
    console.log(`round ${round}: ${calls} calls, ${items} social items, ~${mean} calls per block, ${Math.round((now() - started) / 1000)} s`)
  }
  console.log(JSON.stringify({ calls, items, accounts: count, seconds: Math.round((now() - started) / 1000) }))
}

runTool(opts.url, main, { requestTimeoutMs: 600_000 })
