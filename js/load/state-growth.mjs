#!/usr/bin/env node
// State growth per social item, measured from a live node: the bytes (keys + values) under the
// social pallets' storage and the balance holds their deposits create, before and after K
// items, divided by K. Each kind is measured twice: K fresh accounts making their first item
// (which also creates per-account entries: counters, the deposit hold) and one account making
// K more items.
//
//   node js/load/state-growth.mjs --url ws://127.0.0.1:9944 --items 20

import { parseArgs } from 'node:util'

import { Keyring } from '@polkadot/keyring'
import { mnemonicGenerate, xxhashAsHex } from '@polkadot/util-crypto'

import { runTool } from './lib.mjs'

const CID = 'bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4'
const UNIT = 10n ** 12n

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string', default: 'ws://127.0.0.1:9944' },
    items: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false }
  }
})

const twox128 = (name) => xxhashAsHex(name, 128).slice(2)
const PREFIXES = [
  '0x' + twox128('Profiles'),
  '0x' + twox128('Posts'),
  '0x' + twox128('Follows'),
  '0x' + twox128('Reactions'),
  '0x' + twox128('Balances') + twox128('Holds')
]

/** Bytes of every key and value under the measured prefixes at block `at`. */
async function stateBytes (api, at) {
  let total = 0
  for (const prefix of PREFIXES) {
    let start
    for (;;) {
      const keys = await api.rpc.state.getKeysPaged(prefix, 1000, start, at)
      if (keys.length === 0) break
      const sets = await api.rpc.state.queryStorageAt(keys, at)
      keys.forEach((key, i) => {
        const value = sets[i]
        total += key.length + (value.isSome ? value.unwrap().length : 0)
      })
      start = keys[keys.length - 1]
      if (keys.length < 1000) break
    }
  }
  return total
}

function send (api, tx, pair) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(pair, { nonce: -1 }, ({ status, dispatchError }) => {
      if (status.isInvalid || status.isDropped) reject(new Error(status.type))
      if (!status.isInBlock && !status.isFinalized) return
      if (dispatchError) reject(new Error(dispatchError.toString()))
      else resolve(status.isInBlock ? status.asInBlock : status.asFinalized)
    }).catch(reject)
  })
}

async function main (api) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const alice = keyring.addFromUri('//Alice')
  const k = Number(opts.items)

  const fresh = async () => {
    const pair = keyring.addFromUri(mnemonicGenerate())
    await send(api, api.tx.balances.transferKeepAlive(pair.address, 1_000n * UNIT), alice)
    return pair
  }
  const head = async () => (await api.rpc.chain.getFinalizedHead()).toHex()
  const measure = async (label, work) => {
    const before = await stateBytes(api, await head())
    await work()
    const after = await stateBytes(api, await head())
    return { item: label, bytesPerItem: Number(((after - before) / k).toFixed(1)) }
  }

  const target = await fresh()
  const { data: postEvent } = await (async () => {
    const pair = await fresh()
    const block = await send(api, api.tx.posts.createPost(CID, 100), pair)
    const events = await api.query.system.events.at(block)
    return events.find(({ event }) => event.section === 'posts' && event.method === 'PostCreated').event
  })()
  const postId = postEvent[0].toNumber()

  const results = []
  // Fresh accounts, one item each (first-item costs included).
  const accounts = []
  for (let i = 0; i < k; i++) accounts.push(await fresh())
  results.push(await measure('profile (set_profile)', () => Promise.all(accounts.map((a) => send(api, api.tx.profiles.setProfile(CID, 100), a)))))
  results.push(await measure('first post of an account', () => Promise.all(accounts.map((a) => send(api, api.tx.posts.createPost(CID, 100), a)))))
  results.push(await measure('first follow of an account', () => Promise.all(accounts.map((a) => send(api, api.tx.follows.follow(target.address), a)))))
  results.push(await measure('first reaction of an account', () => Promise.all(accounts.map((a) => send(api, api.tx.reactions.react(postId, 'Like'), a)))))

  // One account, K more items each.
  const busy = await fresh()
  await send(api, api.tx.posts.createPost(CID, 100), busy)
  const others = []
  for (let i = 0; i < k; i++) others.push(keyring.addFromUri(mnemonicGenerate()).address)
  results.push(await measure('further post', async () => {
    for (let i = 0; i < k; i++) await send(api, api.tx.posts.createPost(CID, 100), busy)
  }))
  await send(api, api.tx.follows.follow(target.address), busy)
  results.push(await measure('further follow', async () => {
    for (const other of others) await send(api, api.tx.follows.follow(other), busy)
  }))
  await send(api, api.tx.reactions.react(postId, 'Like'), busy)
  results.push(await measure('further reaction', async () => {
    for (let i = 0; i < k; i++) {
      const id = (await api.query.posts.nextPostId()).toNumber() - 1 - i
      await send(api, api.tx.reactions.react(id, 'Like'), busy)
    }
  }))

  if (opts.json) console.log(JSON.stringify(results, null, 2))
  else for (const r of results) console.log(`${r.item}: ${r.bytesPerItem} bytes`)
}

runTool(opts.url, main)
