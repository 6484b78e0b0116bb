#!/usr/bin/env node
// Fair pinning under abuse: author A's `--unavailable N` posts name CIDs nobody serves (random
// digests), then author B's post names a body the daemon holds (added unpinned). Measured: how
// long after its block is finalized the pinning follower has pinned B's body, (1) posted right
// after the N, while their first attempts are still owed, and (2) posted again (a new body)
// once every one of the N has had its first attempt and is backing off. The goal: within
// 2 × `--ipfs-timeout` both times (the run exits 1 otherwise).
//
//   node js/load/pin-fairness.mjs --url ws://127.0.0.1:9944 --ipfs http://127.0.0.1:5001 \
//     --unavailable 1000 --ipfs-timeout 1000

import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'

import { Keyring } from '@polkadot/keyring'
import { base32Encode } from '@polkadot/util-crypto'

import { fundAccounts, includeAll, now, runTool, signCalls } from './lib.mjs'

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    ipfs: { type: 'string', default: 'http://127.0.0.1:5001' },
    unavailable: { type: 'string', default: '1000' },
    // Author A's accounts: one by default, the abuse the pinner must not let hold B up.
    accounts: { type: 'string', default: '1' },
    'ipfs-timeout': { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false }
  }
})

/** A CIDv1 (raw, sha2-256) of a random digest: well-formed, and nobody has its bytes. */
function unavailableCid () {
  const bytes = Buffer.concat([Buffer.from([0x01, 0x55, 0x12, 0x20]), randomBytes(32)])
  return base32Encode(bytes, true) // `b…`, the multibase form IPFS prints
}

async function daemon (path) {
  const response = await fetch(`${opts.ipfs}/api/v0/${path}`, { method: 'POST' })
  if (!response.ok) throw new Error(`daemon ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

async function addUnpinned () {
  const form = new FormData()
  form.append('file', new Blob([randomBytes(1024)]))
  const response = await fetch(`${opts.ipfs}/api/v0/add?cid-version=1&pin=false`, { method: 'POST', body: form })
  if (!response.ok) throw new Error(`daemon add: ${response.status}`)
  return (await response.json()).Hash
}

async function isPinned (cid) {
  try {
    const pins = await daemon(`pin/ls?arg=${cid}`)
    return Object.keys(pins.Keys ?? {}).length > 0
  } catch {
    return false
  }
}

/** Posts `cid` as `author`, waits for finality, then for the pin; returns seconds to pin. */
async function postAndTimePin (api, author, cid) {
  const finalized = new Promise((resolve, reject) => {
    api.tx.posts.createPost(cid, 100).signAndSend(author, ({ status, dispatchError }) => {
      if (dispatchError) reject(new Error(dispatchError.toString()))
      if (status.isFinalized) resolve()
    }).catch(reject)
  })
  await finalized
  const start = now()
  while (!(await isPinned(cid))) {
    if (now() - start > 3_600_000) throw new Error(`${cid} not pinned within an hour`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return Number(((now() - start) / 1000).toFixed(1))
}

/** Waits until the node's pinner has tried every owed CID once (`agora_ipfs_pin_failures_total`). */
async function waitForFailures (metricsUrl, count) {
  const start = now()
  for (;;) {
    const text = await (await fetch(metricsUrl)).text()
    const line = text.split('\n').find((l) => l.startsWith('agora_ipfs_pin_failures_total'))
    const failures = line ? Number(line.split(' ')[1]) : 0
    if (failures >= count) return Number(((now() - start) / 1000).toFixed(1))
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

async function main (api) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const alice = keyring.addFromUri('//Alice')
  const count = Number(opts.unavailable)
  const accounts = await fundAccounts(api, alice, keyring, Number(opts.accounts))
  const perAccount = Math.ceil(count / accounts.length)
  const posts = await signCalls(api, accounts, perAccount, () => api.tx.posts.createPost(unavailableCid(), 100))
  const landed = await includeAll(api, posts.slice(0, count), 600)
  if (landed.dropped + landed.invalid > 0) throw new Error('some posts did not land')

  const [reader] = await fundAccounts(api, alice, keyring, 1)
  const whileFresh = await postAndTimePin(api, reader, await addUnpinned())
  const metricsUrl = process.env.AGORA_METRICS_URL
  const firstPass = metricsUrl ? await waitForFailures(metricsUrl, count) : null
  const whileBackingOff = await postAndTimePin(api, reader, await addUnpinned())

  const bound = 2 * Number(opts['ipfs-timeout']) / 1000
  const within = whileFresh <= bound && whileBackingOff <= bound
  const report = {
    unavailable: count,
    authorsOfUnavailable: accounts.length,
    pinnedAfterSeconds: { whileFresh, whileBackingOff },
    boundSeconds: bound,
    within,
    firstPassSeconds: firstPass
  }
  if (opts.json) console.log(JSON.stringify(report, null, 2))
  else {
    console.log(`${count} posts of CIDs nobody serves by ${accounts.length} author(s), then another author's post of a body the daemon holds:`)
    console.log(`  posted right after them (their first attempts still owed): pinned ${whileFresh} s after finality`)
    if (firstPass !== null) console.log(`  every one of them tried once ${firstPass} s later`)
    console.log(`  posted while they back off: pinned ${whileBackingOff} s after finality`)
    console.log(`  goal: within 2 × --ipfs-timeout = ${bound} s: ${within ? 'met' : 'NOT met'}`)
  }
  return within ? 0 : 1
}

runTool(opts.url, main)
