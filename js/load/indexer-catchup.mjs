#!/usr/bin/env node
// How fast an indexer catches up with a chain that already holds the mix (benches/indexer.sh
// sustained, after the live run): polls a freshly started indexer's /status until it has
// indexed the chain's finalized head, then counts what it wrote (posts, reactions and follows:
// the mix's only kinds of item, one event each) and how long its bodies took. Times run from
// when this tool starts, right after the indexer's API first answers: a short chain is caught
// up before that, so only long runs give a meaningful rate.
//
//   node js/load/indexer-catchup.mjs --url ws://127.0.0.1:9944 --indexer http://127.0.0.1:9970 --db postgres://…

import { parseArgs } from 'node:util'

import pg from 'pg'

import { indexerStatus, now, runTool } from './lib.mjs'

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    indexer: { type: 'string' },
    db: { type: 'string' },
    timeout: { type: 'string', default: '1800' },
    json: { type: 'boolean', default: false }
  }
})

async function main (api) {
  const target = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber()
  const start = now()
  const deadline = start + Number(opts.timeout) * 1000
  let indexedAt = null
  let bodiesAt = null
  while (now() < deadline && bodiesAt === null) {
    const state = await indexerStatus(opts.indexer)
    if (indexedAt === null && state?.height >= target) indexedAt = now()
    if (indexedAt !== null && state?.pendingBodies === 0) bodiesAt = now()
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const db = new pg.Client({ connectionString: opts.db })
  await db.connect()
  const { rows: [counts] } = await db.query(`SELECT (SELECT count(*) FROM posts)::int AS posts,
    (SELECT count(*) FROM reactions)::int AS reactions, (SELECT count(*) FROM follows)::int AS follows,
    (SELECT count(*) FROM content WHERE state = 'indexed')::int AS bodies`)
  await db.end()
  const items = counts.posts + counts.reactions + counts.follows
  const seconds = indexedAt === null ? null : (indexedAt - start) / 1000
  const report = {
    blocks: target + 1,
    ...counts,
    items,
    seconds: seconds && Number(seconds.toFixed(2)),
    itemsPerSecond: seconds && Math.round(items / seconds),
    bodiesSeconds: bodiesAt && Number(((bodiesAt - start) / 1000).toFixed(2)),
    bodiesPerSecond: bodiesAt && Math.round(counts.bodies / ((bodiesAt - start) / 1000))
  }
  if (opts.json) console.log(JSON.stringify(report, null, 2))
  else {
    console.log(`caught up with ${report.blocks} blocks: ${items} items (${counts.posts} posts, ${counts.reactions} reactions, ` +
      `${counts.follows} follows) in ${report.seconds} s = ${report.itemsPerSecond} items/s`)
    console.log(`${counts.bodies} bodies fetched and indexed after ${report.bodiesSeconds} s = ${report.bodiesPerSecond} bodies/s`)
  }
  return indexedAt === null || bodiesAt === null ? 1 : 0
}

runTool(opts.url, main)
