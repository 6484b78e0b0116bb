// Shared by the benchmark tools: funding accounts, signing many calls, submitting them all at
// once and following blocks until each is included.

import { mnemonicGenerate } from '@polkadot/util-crypto'

export const UNIT = 10n ** 12n
export const now = () => performance.now()

export function percentile (sorted, p) {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}

/** Funds `count` new accounts from //Alice and waits until the last transfer is in a block. */
export async function fundAccounts (api, alice, keyring, count) {
  const accounts = Array.from({ length: count }, () => keyring.addFromUri(mnemonicGenerate()))
  let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber()
  const txs = accounts.map((pair) =>
    api.tx.balances.transferKeepAlive(pair.address, 100n * UNIT).signAsync(alice, { nonce: nonce++, era: 0 }))
  const signed = await Promise.all(txs)
  await includeAll(api, signed, 120)
  return accounts
}

/**
 * Submits every signed extrinsic and follows new blocks until all are included or `timeoutS`
 * passes. Returns per-extrinsic latency and per-block counts.
 */
export async function includeAll (api, signed, timeoutS) {
  const pending = new Map() // hash -> submitted at
  const latencies = []
  const perBlock = []
  let invalid = 0
  let lastInclusion = 0
  let done
  let submittedAll = false
  const finished = new Promise((resolve) => { done = resolve })
  const unsubscribe = await api.rpc.chain.subscribeNewHeads(async (header) => {
    const seen = now()
    const block = await api.rpc.chain.getBlock(header.hash)
    let mine = 0
    for (const ext of block.block.extrinsics) {
      const hash = ext.hash.toHex()
      const at = pending.get(hash)
      if (at === undefined) continue
      pending.delete(hash)
      latencies.push(seen - at)
      mine++
    }
    if (mine > 0) {
      perBlock.push(mine)
      lastInclusion = seen
    }
    if (pending.size === 0 && submittedAll) done()
  })
  const start = now()
  await Promise.all(signed.map(async (ext) => {
    const hash = ext.hash.toHex()
    pending.set(hash, now())
    try {
      await api.rpc.author.submitExtrinsic(ext)
    } catch {
      pending.delete(hash)
      invalid++
    }
  }))
  submittedAll = true
  if (pending.size === 0) done()
  const timer = setTimeout(done, timeoutS * 1000)
  await finished
  clearTimeout(timer)
  unsubscribe()
  return { start, lastInclusion, latencies, perBlock, invalid, dropped: pending.size }
}

/** Signs `perAccount` calls from each account with consecutive nonces. */
export async function signCalls (api, accounts, perAccount, makeCall) {
  const signed = []
  for (const pair of accounts) {
    let nonce = (await api.rpc.system.accountNextIndex(pair.address)).toNumber()
    for (let i = 0; i < perAccount; i++) {
      // Signed offline (immortal, genesis-anchored): no RPC round trip per transaction.
      signed.push(makeCall().sign(pair, {
        blockHash: api.genesisHash,
        genesisHash: api.genesisHash,
        era: 0,
        nonce: nonce++,
        runtimeVersion: api.runtimeVersion,
        signedExtensions: api.registry.signedExtensions
      }))
    }
  }
  // Interleave accounts so blocks see many senders, as with real users.
  return signed.map((ext, i) => [(i % perAccount) * accounts.length + Math.floor(i / perAccount), ext])
    .sort((a, b) => a[0] - b[0]).map(([, ext]) => ext)
}

