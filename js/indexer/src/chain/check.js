// Before the follower starts: is the node still serving the chain the database holds? The
// database remembers the genesis hash and the hash of the last indexed block; a node that
// answers another genesis, or another hash at that height, serves another chain (a dev chain
// started afresh has the same genesis but other blocks). The indexer then stops with a clear
// message, or with `resetOnNewChain` (the dev chain's choice) empties the database and starts
// over. An unreachable node, or one that does not have the block yet (syncing), is waited for.

import { resetData } from '../db/migrate.js'
import { backoff, orAbort, sleep } from '../retry.js'
import { chainIdentity, rpcCall } from './rpc.js'

/** The node serves another chain and the indexer may not start over. */
export class OtherChainError extends Error {}

/** Resolves with the node's `{ genesis, ss58Format }` once it is known to serve this database's chain. */
export async function checkChain ({ pool, rpc, resetOnNewChain, log = console, signal }) {
  for (let attempt = 0; ; attempt++) {
    try {
      // A stop does not wait for a node that does not answer.
      const identity = await orAbort(chainIdentity(rpc), signal)
      const { rows: [head] } = await pool.query('SELECT height, hash, genesis FROM indexer_head')
      const other = await orAbort(otherChain(rpc, head, identity, resetOnNewChain), signal)
      if (other) {
        if (!resetOnNewChain) {
          throw new OtherChainError(`the node at ${rpc} serves another chain than the database holds (${other}): ` +
            'point --rpc at the right node or --db at another database, or pass --reset-on-new-chain to index this chain from scratch')
        }
        log.warn(`the node serves another chain (${other}): emptying the database and indexing it from scratch`)
        await resetData(pool)
      }
      await pool.query('UPDATE indexer_head SET genesis = $1', [identity.genesis])
      return identity
    } catch (error) {
      if (error instanceof OtherChainError || signal?.aborted) throw error
      const pause = backoff(attempt, 1_000, 30_000)
      log.warn(`checking the chain: ${error.cause?.message ?? error.message}; retrying in ${pause / 1000} s`)
      await sleep(pause, signal)
    }
  }
}

/** Why the node's chain is not the database's, or null when it is (or the database is empty). */
async function otherChain (rpc, head, identity, resetOnNewChain) {
  if (head.genesis && head.genesis !== identity.genesis) {
    return `genesis ${identity.genesis}, the database's is ${head.genesis}`
  }
  if (head.height < 0) return null
  const hash = await rpcCall(rpc, 'chain_getBlockHash', [head.height])
  if (hash === null && !resetOnNewChain) throw new Error(`the node does not have block ${head.height} yet (still syncing?)`)
  if (hash !== head.hash) return `block ${head.height} is ${hash ?? 'missing'} there, ${head.hash} here`
  return null
}
