// Shared by the benchmark tools: running a tool against a node, funding accounts, signing many
// calls, submitting them, following blocks until each is included, and checking that each
// included call succeeded.

import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto'

import { connect } from '@agora/chain'

export const UNIT = 10n ** 12n
export const now = () => performance.now()

/**
 * Runs a tool: connects to `url`, runs `main(api, chain)` (`chain` as @agora/chain's `connect`
 * returns it), and disconnects whatever happens, so an
 * error never leaves a WebSocket holding the process open. Any error is printed and makes the
 * exit code 1; `main` may return an exit code (a run that lost or failed calls returns 1).
 */
export function runTool (url, main, { requestTimeoutMs } = {}) {
  const run = async () => {
    await cryptoWaitReady()
    const chain = await connect(url, { timeoutMs: 60_000, requestTimeoutMs })
    try {
      return await main(chain.api, chain)
    } finally {
      await chain.disconnect()
    }
  }
  run().then((code) => { process.exitCode = code ?? 0 }, (error) => {
    console.error(error?.stack ?? error)
    process.exitCode = 1
  })
}

/** The indexer's `/status` at `url` (its API's base), or null when it does not answer in 5 s. */
export async function indexerStatus (url) {
  try {
    return await (await fetch(`${url}/status`, { signal: AbortSignal.timeout(5_000) })).json()
  } catch {
    return null
  }
}

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
  const inclusions = [] // { block, indices }: where each included extrinsic is
  let invalid = 0
  let lastInclusion = 0
  let submittedAll = false
  let next = (await api.rpc.chain.getHeader()).number.toNumber() + 1
  const deadline = now() + timeoutS * 1000

  const walk = async () => {
    // `submittedAll` changes while this loop awaits the node.
    // eslint-disable-next-line no-unmodified-loop-condition
    while (!(submittedAll && pending.size === 0) && now() < deadline) {
      const best = (await api.rpc.chain.getHeader()).number.toNumber()
      for (; next <= best; next++) {
        const hash = await api.rpc.chain.getBlockHash(next)
        const block = await api.rpc.chain.getBlock(hash)
        const seen = now()
        const indices = []
        block.block.extrinsics.forEach((ext, index) => {
          const at = pending.get(ext.hash.toHex())
          if (at === undefined) return
          pending.delete(ext.hash.toHex())
          latencies.push(seen - at)
          indices.push(index)
        })
        if (indices.length > 0) {
          perBlock.push(indices.length)
          inclusions.push({ block: hash.toHex(), indices })
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
  return { start, lastInclusion, latencies, perBlock, inclusions, invalid, dropped: pending.size }
}

/**
 * How many of the included extrinsics failed (`System.ExtrinsicFailed`): an included call is
 * not a successful one. Read after the run, so it never slows the measurement.
 */
export async function countFailures (api, { inclusions }) {
  let failed = 0
  for (const { block, indices } of inclusions) {
    const mine = new Set(indices)
    const events = await api.query.system.events.at(block)
    for (const { phase, event } of events) {
      if (phase.isApplyExtrinsic && mine.has(phase.asApplyExtrinsic.toNumber()) &&
        api.events.system.ExtrinsicFailed.is(event)) failed++
    }
  }
  return failed
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
