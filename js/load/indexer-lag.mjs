#!/usr/bin/env node
// How far an indexer trails the chain while the chain is busy (benches/indexer.sh sustained):
// for every finalized block, the calls it holds, when this tool saw it finalized and when the
// indexer's /status first reported it indexed; and when the indexer had fetched every body
// those blocks named. Runs until no block with calls has come for --idle seconds (a dev chain
// seals empty blocks on its timer) and the indexer has caught up with every body fetched (or
// --timeout passes).
//
//   node js/load/indexer-lag.mjs --url ws://127.0.0.1:9944 --indexer http://127.0.0.1:9960
//
// Prints calls per block, the per-block lag (p50, p99, max; over blocks with calls), the lag
// of the first and last thirds of those blocks (a lag that grows means the indexer falls
// behind), and the time from the last block to the last body fetched.

import { parseArgs } from 'node:util'

import { indexerStatus, now, percentile, runTool } from './lib.mjs'

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    indexer: { type: 'string', default: 'http://127.0.0.1:9960' },
    idle: { type: 'string', default: '20' },
    timeout: { type: 'string', default: '1800' },
    json: { type: 'boolean', default: false }
  }
})

/** Extrinsics every dev block carries besides calls: the timestamp and the parachain inherent. */
const INHERENTS = 2

async function main (api) {
  const blocks = new Map() // number -> { calls, finalized, indexed }
  let lastBlockAt = now()
  let next = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() + 1
  let bodiesDoneAt = null
  const deadline = now() + Number(opts.timeout) * 1000

  while (now() < deadline) {
    const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber()
    for (; next <= finalized; next++) {
      const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(next))
      const calls = block.block.extrinsics.length - INHERENTS
      blocks.set(next, { calls, finalized: now(), indexed: null })
      if (calls > 0) {
        lastBlockAt = now()
        bodiesDoneAt = null
      }
    }
    const state = await indexerStatus(opts.indexer)
    if (state) {
      for (const [number, block] of blocks) {
        if (block.indexed === null && number <= state.height) block.indexed = now()
      }
      const caughtUp = [...blocks.values()].every((block) => block.indexed !== null)
      if (caughtUp && state.pendingBodies === 0 && bodiesDoneAt === null) bodiesDoneAt = now()
      if (caughtUp && bodiesDoneAt !== null && now() - lastBlockAt > Number(opts.idle) * 1000) break
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  const busy = [...blocks.entries()].filter(([, block]) => block.calls > 0).sort(([a], [b]) => a - b)
  const lags = busy.map(([, block]) => block.indexed === null ? Infinity : block.indexed - block.finalized)
  const sorted = [...lags].sort((a, b) => a - b).map((ms) => Number.isFinite(ms) ? Math.round(ms) : ms)
  const third = Math.max(1, Math.floor(lags.length / 3))
  const mean = (values) => values.length ? Math.round(values.reduce((sum, v) => sum + v, 0) / values.length) : null
  const calls = busy.map(([, block]) => block.calls)
  const lastBusy = busy.at(-1)?.[1]
  const report = {
    blocks: blocks.size,
    busyBlocks: busy.length,
    calls: calls.reduce((sum, n) => sum + n, 0),
    callsPerBusyBlock: { max: Math.max(0, ...calls), mean: mean(calls) },
    lagMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? null },
    lagMeanMs: { firstThird: mean(lags.slice(0, third)), lastThird: mean(lags.slice(-third)) },
    allIndexed: lags.every(Number.isFinite),
    bodiesFetchedMsAfterLastBlock: bodiesDoneAt !== null && lastBusy ? Math.round(bodiesDoneAt - lastBusy.finalized) : null
  }
  if (opts.json) {
    console.log(JSON.stringify(report, null, 2))
  } else {
    console.log(`indexed ${report.calls} calls in ${report.busyBlocks} busy blocks (max ${report.callsPerBusyBlock.max}, mean ${report.callsPerBusyBlock.mean} per block); all indexed: ${report.allIndexed}`)
    console.log(`lag from finalized to indexed: p50 ${report.lagMs.p50} ms, p99 ${report.lagMs.p99} ms, max ${report.lagMs.max} ms; ` +
      `mean over the first third ${report.lagMeanMs.firstThird} ms, last third ${report.lagMeanMs.lastThird} ms`)
    console.log(`every body fetched ${report.bodiesFetchedMsAfterLastBlock ?? '(not yet)'} ms after the last busy block was finalized`)
  }
  return report.allIndexed && report.bodiesFetchedMsAfterLastBlock !== null ? 0 : 1
}

runTool(opts.url, main)
