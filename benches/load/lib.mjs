// Shared by the benchmark tools: funding accounts, signing many calls, submitting them and
// following blocks until each is included.

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

/** How many submissions are in flight at once (see `includeAll`). */
const SUBMIT_WINDOW = 1000
/** How often the block walker asks for the best block, in milliseconds. */
const POLL_MS = 200

/**
 * Submits every signed extrinsic and walks the new blocks, by number, until all are included or
 * `timeoutS` passes. Returns per-extrinsic latency (from submission to the walker seeing its
 * block) and per-block counts.
 *
 * Submissions go out in windows of `SUBMIT_WINDOW` in the given order (callers interleave
 * accounts, nonces rising), each window after the previous one was accepted: so a transaction
 * reaches the pool after the ones it depends on, and the pool's queue of future transactions
 * (a few thousand) never fills, as it did when tens of thousands went out at once. Blocks are
 * read by number rather than from a new-heads subscription, which a busy node may drop.
 */
export async function includeAll (api, signed, timeoutS) {
  const pending = new Map() // hash -> submitted at
  const latencies = []
  const perBlock = []
  let invalid = 0
  let lastInclusion = 0
  let submittedAll = false
  let next = (await api.rpc.chain.getHeader()).number.toNumber() + 1
  const deadline = now() + timeoutS * 1000

  const walk = async () => {
    while (!(submittedAll && pending.size === 0) && now() < deadline) {
      const best = (await api.rpc.chain.getHeader()).number.toNumber()
      for (; next <= best; next++) {
        const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(next))
        const seen = now()
        let mine = 0
        for (const ext of block.block.extrinsics) {
          const at = pending.get(ext.hash.toHex())
          if (at === undefined) continue
          pending.delete(ext.hash.toHex())
          latencies.push(seen - at)
          mine++
        }
        if (mine > 0) {
          perBlock.push(mine)
          lastInclusion = seen
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
  }
  const walking = walk()
  const start = now()
  for (let i = 0; i < signed.length; i += SUBMIT_WINDOW) {
    await Promise.all(signed.slice(i, i + SUBMIT_WINDOW).map(async (ext) => {
      const hash = ext.hash.toHex()
      pending.set(hash, now())
      try {
        await api.rpc.author.submitExtrinsic(ext)
      } catch {
        pending.delete(hash)
        invalid++
      }
    }))
  }
  submittedAll = true
  await walking
  return { start, lastInclusion, latencies, perBlock, invalid, dropped: pending.size }
}

/** `call` signed offline by `pair` with `nonce` (immortal, genesis-anchored): no RPC round trip. */
export function signOffline (api, pair, call, nonce) {
  return call.sign(pair, {
    blockHash: api.genesisHash,
    genesisHash: api.genesisHash,
    era: 0,
    nonce,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions
  })
}

/** Signs `perAccount` calls from each account with consecutive nonces. */
export async function signCalls (api, accounts, perAccount, makeCall) {
  const signed = []
  for (const pair of accounts) {
    let nonce = (await api.rpc.system.accountNextIndex(pair.address)).toNumber()
    for (let i = 0; i < perAccount; i++) {
      signed.push(signOffline(api, pair, makeCall(), nonce++))
    }
  }
  // Interleave accounts so blocks see many senders, as with real users.
  return signed.map((ext, i) => [(i % perAccount) * accounts.length + Math.floor(i / perAccount), ext])
    .sort((a, b) => a[0] - b[0]).map(([, ext]) => ext)
}

