#!/usr/bin/env node
// Throughput of a live Agora node: signs N calls from M funded accounts, submits them all,
// and reports how fast blocks include them. Run it twice in one go, with `create_post` and
// with the baseline `system.remark_with_event` carrying as many bytes as a post's CID, and
// print the ratio: the baseline is the most a post can hope for on this node.
//
//   node js/load/load.mjs --url ws://127.0.0.1:9944 --pid <node pid> --posts 2000 --accounts 20
//
// Reports posts/s (included calls over the time from the first submission to the last
// inclusion), inclusion latency p50/p99 (submission to the first sight of the including
// block's header), calls per block, dropped or invalid transactions (must be zero), and the
// node's peak RSS and mean CPU over the run (from /proc/<pid>).

import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

import { Keyring } from '@polkadot/keyring'

import { countFailures, fundAccounts, includeAll, percentile, runTool, signCalls } from './lib.mjs'

const CID = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    pid: { type: 'string' },
    posts: { type: 'string', default: '200' },
    accounts: { type: 'string', default: '10' },
    timeout: { type: 'string', default: '600' },
    json: { type: 'boolean', default: false }
  }
})

function procStats (pid) {
  if (!pid) return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    const ticks = Number(stat[11]) + Number(stat[12]) // utime + stime (fields 14, 15)
    const rssKb = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1])
    return { ticks, rssKb }
  } catch {
    return null
  }
}

/**
 * Signs and submits `opts.posts` calls made by `makeCall` and follows them into blocks. `stored`
 * counts, from storage, how many of the calls did their work (null when the call leaves no
 * count behind).
 */
async function run (api, alice, keyring, label, makeCall, stored = async () => null) {
  const total = Number(opts.posts)
  const count = Math.max(1, Math.min(Number(opts.accounts), total))
  const perAccount = Math.ceil(total / count)
  const accounts = await fundAccounts(api, alice, keyring, count)
  const signed = (await signCalls(api, accounts, perAccount, makeCall)).slice(0, total)
  const storedBefore = await stored()
  const before = procStats(opts.pid)
  let peakRssKb = before?.rssKb ?? 0
  const sampler = setInterval(() => { peakRssKb = Math.max(peakRssKb, procStats(opts.pid)?.rssKb ?? 0) }, 250)
  const result = await includeAll(api, signed, Number(opts.timeout))
  clearInterval(sampler)
  const after = procStats(opts.pid)
  const seconds = (result.lastInclusion - result.start) / 1000
  const included = result.latencies.length
  const sorted = [...result.latencies].sort((a, b) => a - b)
  const failed = await countFailures(api, result)
  const storedAfter = await stored()
  const cpu = before && after ? ((after.ticks - before.ticks) / 100) / seconds * 100 : null
  return {
    call: label,
    submitted: signed.length,
    included,
    dropped: result.dropped,
    invalid: result.invalid,
    failed,
    inStorage: storedAfter === null ? null : storedAfter - storedBefore,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Number((included / seconds).toFixed(1)),
    latencyMs: { p50: Math.round(percentile(sorted, 0.5)), p99: Math.round(percentile(sorted, 0.99)) },
    perBlock: {
      blocks: result.perBlock.length,
      mean: Number((included / Math.max(1, result.perBlock.length)).toFixed(1)),
      max: Math.max(0, ...result.perBlock)
    },
    node: after ? { peakRssMiB: Math.round(peakRssKb / 1024), cpuPercent: Math.round(cpu) } : null
  }
}

async function main (api) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const alice = keyring.addFromUri('//Alice')
  // The remark carries the CID's text: the same bytes as the post's CID argument.
  const remark = await run(api, alice, keyring, 'system.remark_with_event', () => api.tx.system.remarkWithEvent(CID))
  const post = await run(api, alice, keyring, 'posts.create_post', () => api.tx.posts.createPost(CID, 100),
    async () => (await api.query.posts.nextPostId()).toNumber())
  const report = { remark, post, ratio: Number((post.perSecond / remark.perSecond).toFixed(3)) }
  if (opts.json) {
    console.log(JSON.stringify(report, null, 2))
  } else {
    for (const r of [remark, post]) {
      console.log(`${r.call}: ${r.included}/${r.submitted} included in ${r.seconds} s = ${r.perSecond}/s; ` +
        `latency p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms; per block mean ${r.perBlock.mean}, ` +
        `max ${r.perBlock.max} over ${r.perBlock.blocks} blocks; dropped ${r.dropped}, invalid ${r.invalid}, ` +
        `failed ${r.failed}` + (r.inStorage === null ? '' : `, ${r.inStorage} in storage`) +
        (r.node ? `; node peak RSS ${r.node.peakRssMiB} MiB, CPU ${r.node.cpuPercent}%` : ''))
    }
    console.log(`posts/s ÷ remarks/s = ${report.ratio}`)
  }
  const lost = (r) => r.dropped + r.invalid + r.failed + (r.inStorage === null ? 0 : r.submitted - r.inStorage)
  return lost(remark) + lost(post) === 0 ? 0 : 1
}

runTool(opts.url, main)
