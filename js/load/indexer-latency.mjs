#!/usr/bin/env node
// Latency of the indexer's API over a large dataset (benches/indexer.sh latency). The dataset is
// synthetic, generated straight into PostgreSQL with SQL (not through the chain): posts whose
// bodies are 12 words drawn from a vocabulary with a skew (a few words very common, most rare)
// and one hashtag each, and notifications spread over the accounts with a skew (a few accounts
// get most). Then many clients at once ask the API over HTTP for search, hashtag, notification
// and trending pages, and the tool prints p50 and p99 per endpoint.
//
//   node js/load/indexer-latency.mjs --db postgres://… --indexer http://127.0.0.1:9960 --posts 1000000

import { parseArgs } from 'node:util'

import { randomAsU8a, encodeAddress } from '@polkadot/util-crypto'
import pg from 'pg'

import { now, percentile } from './lib.mjs'

const { values: opts } = parseArgs({
  options: {
    db: { type: 'string' },
    indexer: { type: 'string', default: 'http://127.0.0.1:9960' },
    posts: { type: 'string', default: '1000000' },
    notifications: { type: 'string' },
    accounts: { type: 'string', default: '100000' },
    vocabulary: { type: 'string', default: '20000' },
    tags: { type: 'string', default: '500' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '8' },
    json: { type: 'boolean', default: false }
  }
})

const POSTS = Number(opts.posts)
const NOTIFICATIONS = Number(opts.notifications ?? 2 * POSTS)
const VOCABULARY = Number(opts.vocabulary)
const TAGS = Number(opts.tags)
const accounts = Array.from({ length: Number(opts.accounts) }, () => encodeAddress(randomAsU8a(32), 42))

/** An index in [0, n) drawn with the same skew as the data (power 2: a few values common). */
const skewed = (n, power = 2) => Math.floor(Math.random() ** power * n)

async function fill (db) {
  const started = now()
  const { rows: [{ n }] } = await db.query('SELECT count(*)::int AS n FROM posts')
  if (n > 0) throw new Error('the database already holds posts: give the benchmark an empty one')
  await db.query('BEGIN')
  await db.query(`INSERT INTO content (cid, state, body, bytes, first_block, indexed_at)
    SELECT 'synthetic' || i, 'indexed', b.words || ' #tag' || floor(power(random(), 2) * $3)::int, 0, i / 100, now()
    FROM generate_series(1, $1) i,
      LATERAL (SELECT string_agg('w' || floor(power(random(), 2) * $2)::int, ' ') AS words
               FROM generate_series(1, 12) WHERE i > 0) b`, [POSTS, VOCABULARY, TAGS])
  await db.query(`INSERT INTO content_tags (tag, cid)
    SELECT substring(body FROM '#(\\w+)$'), cid FROM content WHERE cid LIKE 'synthetic%'`)
  await db.query(`INSERT INTO posts (id, author, kind, content, created_block, created_at, block, block_time)
    SELECT i, ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int], 'original', 'synthetic' || i,
      i / 100, t, i / 100, t
    FROM generate_series(1, $1) i, LATERAL (SELECT now() - make_interval(secs => ($1 - i) * 0.06) AS t) ts`, [POSTS, accounts])
  await db.query(`INSERT INTO notifications (account, kind, actor, post_id, block)
    SELECT ($3::text[])[1 + floor(power(random(), 3) * array_length($3::text[], 1))::int],
      (ARRAY['reply', 'quote', 'repost', 'reaction', 'mention', 'follow'])[1 + floor(random() * 6)::int],
      ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int], 1 + floor(random() * $2)::bigint, i / 100
    FROM generate_series(1, $1) i ON CONFLICT DO NOTHING`, [NOTIFICATIONS, POSTS, accounts])
  await db.query('UPDATE indexer_head SET height = $1, block_time = now()', [Math.floor(POSTS / 100)])
  await db.query('COMMIT')
  await db.query('ANALYZE')
  return Math.round((now() - started) / 1000)
}

const endpoints = {
  search: () => `/search?q=${encodeURIComponent(Math.random() < 0.5 ? `w${skewed(VOCABULARY)}` : `w${skewed(VOCABULARY)} w${skewed(VOCABULARY)}`)}`,
  hashtag: () => `/hashtag?tag=tag${skewed(TAGS)}`,
  notifications: () => `/notifications?account=${accounts[skewed(accounts.length, 3)]}`,
  'unread-count': () => `/unread-count?account=${accounts[skewed(accounts.length, 3)]}`,
  trending: () => '/trending?window=1h'
}

async function measure (name, makePath, requests) {
  const latencies = []
  let items = 0
  let next = 0
  const worker = async () => {
    while (next++ < requests) {
      const started = now()
      const response = await fetch(opts.indexer + makePath())
      const body = await response.json()
      latencies.push(now() - started)
      if (!response.ok) throw new Error(`${name}: ${response.status} ${body.message}`)
      items += body.items?.length ?? 0
    }
  }
  await Promise.all(Array.from({ length: Number(opts.concurrency) }, worker))
  latencies.sort((a, b) => a - b)
  const ms = (v) => Number(v.toFixed(1))
  return { requests, p50: ms(percentile(latencies, 0.5)), p99: ms(percentile(latencies, 0.99)), max: ms(latencies.at(-1)), meanItems: Number((items / requests).toFixed(1)) }
}

const db = new pg.Client({ connectionString: opts.db })
await db.connect()
try {
  const fillSeconds = await fill(db)
  const results = {}
  for (const [name, makePath] of Object.entries(endpoints)) {
    results[name] = await measure(name, makePath, name === 'trending' ? Math.min(50, Number(opts.requests)) : Number(opts.requests))
  }
  const report = { posts: POSTS, notifications: NOTIFICATIONS, accounts: accounts.length, vocabulary: VOCABULARY, tags: TAGS, concurrency: Number(opts.concurrency), fillSeconds, results }
  if (opts.json) console.log(JSON.stringify(report, null, 2))
  else {
    console.log(`${POSTS} posts, ${NOTIFICATIONS} notifications over ${accounts.length} accounts (generated in ${fillSeconds} s), ${opts.concurrency} clients at once:`)
    for (const [name, r] of Object.entries(results)) {
      console.log(`  ${name.padEnd(14)} ${String(r.requests).padStart(5)} requests: p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms (${r.meanItems} items a page)`)
    }
  }
} finally {
  await db.end()
}
