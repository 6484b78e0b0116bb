#!/usr/bin/env node
// Latency of `content_add` through the node next to the same add sent straight to the IPFS
// daemon (`/api/v0/add?cid-version=1&pin=true`), for a 1 KiB and a 1 MiB body. Every body is
// fresh random bytes, so no add is answered from the daemon's cache of an earlier one.
//
//   node benches/load/content-latency.mjs --url ws://127.0.0.1:9944 --ipfs http://127.0.0.1:5001

import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'

import { WsProvider } from '@polkadot/api'

import { now, percentile } from './lib.mjs'

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    ipfs: { type: 'string', default: 'http://127.0.0.1:5001' },
    repeat: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false }
  }
})

async function direct (body) {
  const form = new FormData()
  form.append('file', new Blob([body]))
  const response = await fetch(`${opts.ipfs}/api/v0/add?cid-version=1&pin=true`, { method: 'POST', body: form })
  if (!response.ok) throw new Error(`daemon: ${response.status} ${await response.text()}`)
  return (await response.json()).Hash
}

async function measure (repeat, fn) {
  const times = []
  for (let i = 0; i < repeat; i++) {
    const start = now()
    await fn()
    times.push(now() - start)
  }
  times.sort((a, b) => a - b)
  return { p50: Number(percentile(times, 0.5).toFixed(1)), p99: Number(percentile(times, 0.99).toFixed(1)) }
}

async function main () {
  const provider = new WsProvider(opts.url)
  await provider.isReady
  const repeat = Number(opts.repeat)
  const report = []
  for (const [label, size] of [['1 KiB', 1024], ['1 MiB', 1024 * 1024]]) {
    const viaNode = await measure(repeat, () => provider.send('content_add', ['0x' + randomBytes(size).toString('hex')]))
    const viaDaemon = await measure(repeat, () => direct(randomBytes(size)))
    report.push({ body: label, contentAddMs: viaNode, directAddMs: viaDaemon })
  }
  await provider.disconnect()
  if (opts.json) console.log(JSON.stringify(report, null, 2))
  else {
    for (const r of report) {
      console.log(`${r.body}: content_add p50 ${r.contentAddMs.p50} ms (p99 ${r.contentAddMs.p99}); ` +
        `straight to the daemon p50 ${r.directAddMs.p50} ms (p99 ${r.directAddMs.p99})`)
    }
  }
}

main().catch((error) => { console.error(error); process.exitCode = 1 })
