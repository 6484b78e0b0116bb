// A JSON-RPC call to the node over HTTP (the node serves HTTP and WebSocket on one port): what
// the indexer asks the node itself, apart from the block data Subsquid fetches.

/** The HTTP form of a node URL: ws:// → http://, wss:// → https://. */
export function httpUrl (url) {
  return url.replace(/^ws(s?):\/\//, 'http$1://')
}

/** An error the node answered with: its JSON-RPC `code` and `message`. */
export class RpcError extends Error {
  constructor ({ code, message }) {
    super(message)
    this.code = code
  }
}

/** Calls `method` on the node at `url`; rejects with an RpcError, or a network error. */
export async function rpcCall (url, method, params = [], { timeoutMs = 10_000 } = {}) {
  const response = await fetch(httpUrl(url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs)
  })
  if (!response.ok) throw new Error(`the node answered HTTP ${response.status} to ${method}`)
  const answer = await response.json()
  if (answer.error) throw new RpcError(answer.error)
  return answer.result
}

/** The node's genesis hash and SS58 prefix. */
export async function chainIdentity (url) {
  const [genesis, properties] = await Promise.all([
    rpcCall(url, 'chain_getBlockHash', [0]),
    rpcCall(url, 'system_properties')
  ])
  return { genesis, ss58Format: properties?.ss58Format ?? 42 }
}
