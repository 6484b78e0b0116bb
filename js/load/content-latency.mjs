#!/usr/bin/env node
// Latency of an upload through the node, both ways it takes one (`content_add` over the RPC,
// the body as hex in JSON; `POST /content` on the upload endpoint, the raw body streamed to the
// daemon), next to the same add sent straight to the IPFS daemon
// (`/api/v0/add?cid-version=1&pin=true`), for a 1 KiB and a 1 MiB body. Every body is fresh
// random bytes, so no add is answered from the daemon's cache of an earlier one. The three
// ways take turns, so a slow moment of the machine does not fall on one of them only.
//
//   node js/load/content-latency.mjs --url ws://127.0.0.1:9944 --ipfs http://127.0.0.1:5001 \
//     --upload http://127.0.0.1:9950

import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'

import { now, percentile, runTool } from './lib.mjs'

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    ipfs: { type: 'string', default: 'http://127.0.0.1:5001' },
    upload: { type: 'string', default: 'http://127.0.0.1:9950' },
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

async function endpoint (body) {
  const response = await fetch(`${opts.upload}/content`, { method: 'POST', body })
  if (!response.ok) throw new Error(`upload endpoint: ${response.status} ${await response.text()}`)
  return (await response.json()).cid
}

function summary (times) {
  times.sort((a, b) => a - b)
  return { p50: Number(percentile(times, 0.5).toFixed(1)), p99: Number(percentile(times, 0.99).toFixed(1)) }
}

// Runs each way `repeat` times, in turns, each with a fresh body of `size` random bytes made
// before its clock starts; the latencies of each, in ms.
async function measure (repeat, size, ways) {
  const times = Object.fromEntries(Object.keys(ways).map((name) => [name, []]))
  for (let i = 0; i < repeat; i++) {
    for (const [name, fn] of Object.entries(ways)) {
      const body = randomBytes(size)
      const start = now()
      await fn(body)
      times[name].push(now() - start)
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, t]) => [name, summary(t)]))
}

// The three ways to add a body; the hex encoding content_add needs is part of its cost.
function ways (provider) {
  return {
    contentAdd: (body) => provider.send('content_add', ['0x' + body.toString('hex')]),
    endpoint: (body) => endpoint(body),
    direct: (body) => direct(body)
  }
}

async function main (_api, { provider }) {
  const repeat = Number(opts.repeat)
  const report = []
  for (const [label, size] of [['1 KiB', 1024], ['1 MiB', 1024 * 1024]]) {
    // One warm-up round each: connections opened, code paths hot.
    await measure(1, size, ways(provider))
    const ms = await measure(repeat, size, ways(provider))
    report.push({ body: label, contentAddMs: ms.contentAdd, endpointMs: ms.endpoint, directAddMs: ms.direct })
  }
  if (opts.json) console.log(JSON.stringify(report, null, 2))
  else {
    for (const r of report) {
      const ratio = (r.endpointMs.p50 / r.directAddMs.p50).toFixed(2)
      console.log(`${r.body}: content_add p50 ${r.contentAddMs.p50} ms (p99 ${r.contentAddMs.p99}); ` +
        `upload endpoint p50 ${r.endpointMs.p50} ms (p99 ${r.endpointMs.p99}); ` +
        `straight to the daemon p50 ${r.directAddMs.p50} ms (p99 ${r.directAddMs.p99}); ` +
        `endpoint / daemon at p50: ${ratio}x`)
    }
  }
}

runTool(opts.url, main)
