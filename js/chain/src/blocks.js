// When a block was made, from the block itself: the body's `timestamp.set` inherent, which
// every block carries and which stays readable when the node has pruned the block's state.
// Posts and profiles name a block number; clients show it as a time.

/**
 * A reader of block times for `api`: `(number) => Promise<Date | null>`, null for a block the
 * node does not have or one without a timestamp (genesis). Each block is read once; a failed
 * read is tried again next time.
 */
export function blockTimes (api) {
  const cache = new Map()
  return (number) => {
    const key = Number(number)
    if (!cache.has(key)) {
      cache.set(key, blockTime(api, key).catch((error) => {
        cache.delete(key)
        throw error
      }))
    }
    return cache.get(key)
  }
}

/** The time block `number` was made at, from its `timestamp.set` inherent; null if unknown. */
export async function blockTime (api, number) {
  const hash = await api.rpc.chain.getBlockHash(number)
  if (hash.isEmpty) return null
  const { block } = await api.rpc.chain.getBlock(hash)
  const set = block.extrinsics.find(({ method }) => method.section === 'timestamp' && method.method === 'set')
  return set ? new Date(set.method.args[0].toNumber()) : null
}
