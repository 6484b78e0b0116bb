#!/usr/bin/env node
// Latency of a home feed page on a live node: one reader follows F accounts that wrote P posts
// each; then the first page of its feed (20 posts) is read R times through `social_feed`, and
// R times by walking storage from the client as a front end without the query RPC would:
// list the follows (state_getKeysPaged), list each followed account's post index, pick the
// newest 20, fetch those posts.
// Then, under load: `--concurrent C` readers, each on its own connection, read the feed
// `--repeat` times each at the best block, all at once, while the test watches the node keep
// sealing blocks (the largest gap between two new blocks while the load runs).
//
//   node js/load/feed.mjs --url ws://127.0.0.1:9944 --follows 100 --posts 10 --concurrent 50

import { parseArgs } from 'node:util'

import { WsProvider } from '@polkadot/api'
import { Keyring } from '@polkadot/keyring'

import { fundAccounts, includeAll, now, percentile, runTool, signCalls } from './lib.mjs'

const CID = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
const PAGE = 20

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    follows: { type: 'string', default: '100' },
    posts: { type: 'string', default: '10' },
    repeat: { type: 'string', default: '20' },
    concurrent: { type: 'string', default: '50' },
    json: { type: 'boolean', default: false }
  }
})

async function timed (repeat, fn) {
  const times = []
  let result
  for (let i = 0; i < repeat; i++) {
    const start = now()
    result = await fn()
    times.push(now() - start)
  }
  times.sort((a, b) => a - b)
  return { result, p50: Number(percentile(times, 0.5).toFixed(1)), p99: Number(percentile(times, 0.99).toFixed(1)) }
}

// `readers` connections read `reader`'s feed `repeat` times each, all at once, at the best
// block; meanwhile new block headers are timed to see whether sealing kept its pace.
async function concurrentReads (api, reader, readers, repeat) {
  const url = opts.url
  const connections = await Promise.all(Array.from({ length: readers }, async () => {
    const provider = new WsProvider(url, false)
    await provider.connect()
    await provider.isReady
    return provider
  }))
  const heads = []
  const unsubscribe = await api.rpc.chain.subscribeNewHeads(() => heads.push(now()))
  const times = []
  const start = now()
  await Promise.all(connections.map(async (provider) => {
    for (let i = 0; i < repeat; i++) {
      const begin = now()
      const feed = await provider.send('social_feed', [reader, null, PAGE])
      times.push(now() - begin)
      if (feed.items.length !== PAGE) throw new Error('a full page under load too')
    }
  }))
  const end = now()
  unsubscribe()
  await Promise.all(connections.map((provider) => provider.disconnect()))
  times.sort((a, b) => a - b)
  // Gaps between consecutive heads, and from the start and up to the end of the load.
  const marks = [start, ...heads.filter((t) => t >= start && t <= end), end]
  const gaps = marks.slice(1).map((t, i) => t - marks[i])
  return {
    readers,
    calls: times.length,
    seconds: Number(((end - start) / 1000).toFixed(1)),
    p50: Number(percentile(times, 0.5).toFixed(1)),
    p99: Number(percentile(times, 0.99).toFixed(1)),
    blocks: marks.length - 2,
    largestBlockGapMs: Math.round(Math.max(...gaps))
  }
}

async function main (api, { provider }) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const alice = keyring.addFromUri('//Alice')
  const follows = Number(opts.follows)
  const postsEach = Number(opts.posts)

  // Authors with their posts, and a reader following all of them.
  const authors = await fundAccounts(api, alice, keyring, follows)
  const [reader] = await fundAccounts(api, alice, keyring, 1)
  const posts = await signCalls(api, authors, postsEach, () => api.tx.posts.createPost(CID, 100))
  for (let i = 0; i < posts.length; i += 2000) await includeAll(api, posts.slice(i, i + 2000), 600)
  let nonce = (await api.rpc.system.accountNextIndex(reader.address)).toNumber()
  const followTxs = []
  for (const author of authors) {
    followTxs.push(await api.tx.follows.follow(author.address).signAsync(reader, { nonce: nonce++, era: 0 }))
  }
  const followed = await includeAll(api, followTxs, 600)
  if (followed.dropped + followed.invalid > 0) throw new Error('some follows did not land')
  const at = (await api.rpc.chain.getFinalizedHead()).toHex()

  const viaRpc = await timed(Number(opts.repeat), () =>
    provider.send('social_feed', [reader.address, null, PAGE, at]))

  const viaStorage = await timed(Number(opts.repeat), async () => {
    const apiAt = await api.at(at)
    const followees = (await apiAt.query.follows.following.keys(reader.address)).map((k) => k.args[1].toString())
    const ids = (await Promise.all(followees.map(async (who) =>
      (await apiAt.query.posts.postsByAuthor.keys(who)).map((k) => {
        // Keys are newest-first: u64::MAX - id, big-endian.
        const inverted = BigInt('0x' + Buffer.from(k.args[1].toU8a()).toString('hex'))
        return (2n ** 64n - 1n) - inverted
      })))).flat()
    ids.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))
    const newest = ids.slice(0, PAGE)
    return apiAt.query.posts.posts.multi(newest)
  })

  const underLoad = await concurrentReads(api, reader.address, Number(opts.concurrent), Number(opts.repeat))

  const rpcIds = viaRpc.result.items.map((p) => BigInt(p.id))
  const walkedIds = viaStorage.result.map((p) => p.isSome)
  if (viaRpc.result.items.length !== PAGE || walkedIds.filter(Boolean).length !== PAGE) {
    throw new Error('both paths must return a full page')
  }
  const report = {
    follows,
    postsPerAccount: postsEach,
    page: PAGE,
    socialFeedMs: { p50: viaRpc.p50, p99: viaRpc.p99 },
    walkingStorageMs: { p50: viaStorage.p50, p99: viaStorage.p99 },
    underLoad,
    newest: rpcIds[0].toString()
  }
  if (opts.json) console.log(JSON.stringify(report, null, 2))
  else {
    console.log(`feed page of ${PAGE} for a reader following ${follows} accounts with ${postsEach} posts each:`)
    console.log(`  social_feed RPC:         p50 ${viaRpc.p50} ms, p99 ${viaRpc.p99} ms`)
    console.log(`  walking storage (client): p50 ${viaStorage.p50} ms, p99 ${viaStorage.p99} ms`)
    console.log(`  ${underLoad.readers} readers at once, ${underLoad.calls} calls in ${underLoad.seconds} s: ` +
      `social_feed p50 ${underLoad.p50} ms, p99 ${underLoad.p99} ms; ` +
      `${underLoad.blocks} blocks sealed meanwhile, largest gap ${underLoad.largestBlockGapMs} ms`)
  }
}

runTool(opts.url, main)
