#!/usr/bin/env node
// Write capacity under a social network's mix: posts, reactions and follows in Bluesky's
// ratio (November 2024: about 3 M posts, 18 M likes and 10 M follows a day, 35 : 210 : 115),
// from many accounts, against `system.remark_with_event` in the same run. Prints calls per
// block, max and mean over the full blocks (every block that included calls, less the first
// and the last, which a burst only partly fills), what bound each block of the mix (ref_time,
// proof size or length: blocks.mjs), and fails unless nothing was dropped or invalid.
//
//   node js/load/mix.mjs --url ws://127.0.0.1:9944 --calls 14000 --remarks 40000 --accounts 400
//
// With `--ipfs URL` (an IPFS daemon's RPC API) every mixed post gets a body of its own, added
// there before the measured window, with a hashtag: what an indexer then fetches and indexes
// (benches/indexer.sh). Without it every post shares one CID. `--remarks 0` skips the remarks.
//
// Every call is a new item that keeps every guarantee: each account reacts at most once to a
// post (distinct seed posts), follows distinct accounts, and pays its deposits. The seed posts
// the reactions point at are made before the measured window.

import { parseArgs } from 'node:util'

import { Keyring } from '@polkadot/keyring'

import { blockReport, formatBlockReport, normalLimits } from './blocks.mjs'
import { fundAccounts, includeAll, runTool, signOffline } from './lib.mjs'

const CID = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
/** Posts : reactions : follows per 360 calls. */
const RATIO = { post: 35, react: 210, follow: 115 }
const KINDS = ['Like', 'Love', 'Upvote']

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    calls: { type: 'string', default: '20000' },
    // remark_with_event calls (default: as many as mixed calls); a block holds about three
    // times more of them, so ten full blocks of remarks need about three times the calls.
    remarks: { type: 'string' },
    accounts: { type: 'string', default: '200' },
    ipfs: { type: 'string' },
    timeout: { type: 'string', default: '900' },
    json: { type: 'boolean', default: false }
  }
})

/** `count` calls split in RATIO, in a repeating 360-call pattern (so every stretch is mixed). */
function plan (count) {
  const pattern = []
  const total = RATIO.post + RATIO.react + RATIO.follow
  // Spread each kind evenly over the pattern (largest remainder), not in runs.
  const placed = { post: 0, react: 0, follow: 0 }
  for (let i = 1; i <= total; i++) {
    const kind = Object.keys(RATIO).sort((a, b) => (RATIO[b] * i / total - placed[b]) - (RATIO[a] * i / total - placed[a]))[0]
    placed[kind]++
    pattern.push(kind)
  }
  return Array.from({ length: count }, (_, i) => pattern[i % total])
}

/**
 * `posts.create_post` of `cid`, with the body's declared `size` when the runtime's call takes one
 * (the seed posts' shared CID declares 100 bytes).
 */
function createPost (api, cid, size = 100) {
  return api.tx.posts.createPost(cid, size)
}

/** Adds a body of its own for each of `count` posts to the IPFS daemon at `ipfs`: `{ cid, size }` each. */
async function postBodies (ipfs, count) {
  const cids = new Array(count)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const form = new FormData()
      const body = new TextEncoder().encode(`mix post ${i} of ${count}, made ${new Date().toISOString()} #mix${i % 20}`)
      form.append('file', new Blob([body]))
      const response = await fetch(`${ipfs}/api/v0/add?cid-version=1&raw-leaves=true`, { method: 'POST', body: form })
      if (!response.ok) throw new Error(`ipfs add: ${response.status} ${await response.text()}`)
      cids[i] = { cid: (await response.json()).Hash, size: body.length }
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))
  return cids
}

/** Signs the mixed workload: call i goes to account i mod N, so blocks see many senders. */
async function signMix (api, accounts, firstPost, seedPosts, kinds, bodies) {
  const nonces = await Promise.all(accounts.map(async (pair) => (await api.rpc.system.accountNextIndex(pair.address)).toNumber()))
  const reacted = accounts.map(() => 0)
  const followed = accounts.map(() => 0)
  const counts = { post: 0, react: 0, follow: 0 }
  const signed = kinds.map((kind, i) => {
    const a = i % accounts.length
    let call
    if (kind === 'post') {
      call = bodies ? createPost(api, bodies[counts.post].cid, bodies[counts.post].size) : createPost(api, CID, 100)
    } else if (kind === 'react') {
      // A distinct seed post for each of this account's reactions.
      call = api.tx.reactions.react(firstPost + (a + reacted[a]++) % seedPosts, KINDS[i % KINDS.length])
    } else {
      // The next account along the ring: never itself, never twice.
      call = api.tx.follows.follow(accounts[(a + 1 + followed[a]++) % accounts.length].address)
    }
    counts[kind]++
    return signOffline(api, accounts[a], call, nonces[a]++)
  })
  if (Math.max(...reacted) > seedPosts) throw new Error('more reactions per account than seed posts: raise --calls/--accounts ratio')
  if (Math.max(...followed) >= accounts.length) throw new Error('more follows per account than accounts: use more --accounts')
  return { signed, counts }
}

/**
 * What the chain holds after the mix, counted from storage: every call must have done its
 * work (a call can be included and still fail; that would not be capacity).
 */
async function landed (api, accounts, firstPost, seedPosts) {
  const [nextPost, following, reactionCounts] = await Promise.all([
    api.query.posts.nextPostId(),
    api.query.follows.followingCount.multi(accounts.map((pair) => pair.address)),
    api.query.reactions.reactionCounts.entries()
  ])
  const onSeeds = reactionCounts.filter(([key]) => {
    const post = key.args[0].toNumber()
    return post >= firstPost && post < firstPost + seedPosts
  })
  return {
    post: nextPost.toNumber() - firstPost - seedPosts,
    react: onSeeds.reduce((sum, [, count]) => sum + Number(count.toString()), 0),
    follow: following.reduce((sum, count) => sum + Number(count.toString()), 0)
  }
}

/** Calls per block over the full blocks (the first and last including blocks left out). */
function perBlock (result, submitted) {
  const full = result.perBlock.slice(1, -1)
  const included = result.latencies.length
  return {
    submitted,
    included,
    dropped: result.dropped,
    invalid: result.invalid,
    blocks: result.perBlock.length,
    fullBlocks: full.length,
    max: Math.max(0, ...result.perBlock),
    meanFull: full.length ? Number((full.reduce((s, n) => s + n, 0) / full.length).toFixed(1)) : null,
    seconds: Number(((result.lastInclusion - result.start) / 1000).toFixed(2))
  }
}

async function main (api) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const alice = keyring.addFromUri('//Alice')
  const total = Number(opts.calls)
  const kinds = plan(total)
  const accounts = await fundAccounts(api, alice, keyring, Number(opts.accounts))

  // Seed posts for the reactions: as many as the account that reacts most reacts.
  const reactionsOf = accounts.map(() => 0)
  kinds.forEach((kind, i) => { if (kind === 'react') reactionsOf[i % accounts.length]++ })
  const seedPosts = Math.max(1, ...reactionsOf)
  const firstPost = (await api.query.posts.nextPostId()).toNumber()
  const seedAuthor = accounts[0]
  let seedNonce = (await api.rpc.system.accountNextIndex(seedAuthor.address)).toNumber()
  // With --ipfs: one body for the seed posts, then one for each mixed post.
  const bodies = opts.ipfs ? await postBodies(opts.ipfs.replace(/\/+$/, ''), 1 + kinds.filter((kind) => kind === 'post').length) : null
  const seed = bodies ? bodies.shift() : { cid: CID, size: 100 }
  const seeds = Array.from({ length: seedPosts }, () => signOffline(api, seedAuthor, createPost(api, seed.cid, seed.size), seedNonce++))
  const seeded = await includeAll(api, seeds, 300)
  if (seeded.dropped + seeded.invalid > 0) throw new Error('the seed posts did not all land')

  const { signed, counts } = await signMix(api, accounts, firstPost, seedPosts, kinds, bodies)
  const mixed = await includeAll(api, signed, Number(opts.timeout))
  const mix = perBlock(mixed, signed.length)
  const done = await landed(api, accounts, firstPost, seedPosts)
  const blocks = await blockReport(api, mixed.inclusions)
  const failed = Object.keys(counts).reduce((sum, kind) => sum + counts[kind] - done[kind], 0)

  const remarkCount = Number(opts.remarks ?? total)
  const remarkers = remarkCount > 0 ? await fundAccounts(api, alice, keyring, Number(opts.accounts)) : []
  const remarks = await Promise.all(remarkers.map(async (pair) => ({
    pair, nonce: (await api.rpc.system.accountNextIndex(pair.address)).toNumber()
  })))
  const signedRemarks = Array.from({ length: remarkCount }, (_, i) => {
    const sender = remarks[i % remarks.length]
    return signOffline(api, sender.pair, api.tx.system.remarkWithEvent(CID), sender.nonce++)
  })
  const remark = perBlock(await includeAll(api, signedRemarks, Number(opts.timeout)), remarkCount)

  const ratio = remark.meanFull ? Number((mix.meanFull / remark.meanFull).toFixed(3)) : null
  const report = { mix: { ...mix, calls: counts, landed: done, failed, limits: normalLimits(api), blockReport: blocks }, remark, ratio }
  if (opts.json) {
    console.log(JSON.stringify(report, null, 2))
  } else {
    const line = (label, r) => `${label}: ${r.included}/${r.submitted} included over ${r.blocks} blocks in ${r.seconds} s; ` +
      `per block max ${r.max}, mean ${r.meanFull} over ${r.fullBlocks} full blocks; dropped ${r.dropped}, invalid ${r.invalid}`
    console.log(`mix (${counts.post} posts, ${counts.react} reactions, ${counts.follow} follows, from ${accounts.length} accounts)`)
    console.log(line('mix', mix) + `; failed ${failed} (counted in storage: ${done.post} posts, ${done.react} reactions, ${done.follow} follows)`)
    for (const text of formatBlockReport(blocks, normalLimits(api))) console.log(text)
    if (remarkCount > 0) {
      console.log(line('system.remark_with_event', remark))
      console.log(`mixed calls per full block ÷ remarks per full block = ${report.ratio}`)
    }
  }
  const bad = mix.dropped + mix.invalid + failed + remark.dropped + remark.invalid
  return bad === 0 ? 0 : 1
}

runTool(opts.url, main)
