// JSON-RPC calls to the node, over WebSocket or HTTP as its URL says: what the indexer asks the
// node itself (its identity, a block hash, a body through `content_get`), apart from the block
// data the follower fetches. Subsquid's own RPC client, so both speak to the node alike.

import { RpcClient, RpcError } from '@subsquid/rpc-client'

export { RpcError }

const clients = new Map()

/** One client per node URL; calls fail rather than retry (the callers retry with back-off). */
function client (url) {
  let found = clients.get(url)
  if (!found) {
    found = new RpcClient({ url, requestTimeout: 30_000, retryAttempts: 0, capacity: 16, log: null })
    clients.set(url, found)
  }
  return found
}

/**
 * Calls `method` on the node at `url`; rejects with an RpcError (the node's code), or another
 * error. Subsquid's client waits for a WebSocket to connect for as long as it takes, so the
 * whole call is bounded here: past `timeoutMs` the client is dropped (a new one connects next
 * time) and the call fails.
 */
export async function rpcCall (url, method, params = [], { timeoutMs = 10_000 } = {}) {
  const found = client(url)
  let timer
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`the node at ${url} did not answer ${method} within ${timeoutMs} ms`))
      if (clients.get(url) === found) clients.delete(url)
      found.close()
    }, timeoutMs)
  })
  try {
    return await Promise.race([found.call(method, params, { timeout: timeoutMs }), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Closes the connections `rpcCall` opened. */
export function closeRpcClients () {
  for (const found of clients.values()) found.close()
  clients.clear()
}

/** The node's genesis hash and SS58 prefix. */
export async function chainIdentity (url) {
  const [genesis, properties] = await Promise.all([
    rpcCall(url, 'chain_getBlockHash', [0]),
    rpcCall(url, 'system_properties')
  ])
  return { genesis, ss58Format: properties?.ss58Format ?? 42 }
}
