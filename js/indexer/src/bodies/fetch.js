// Fetching a CID's bytes, from the IPFS daemon's Kubo RPC API (`POST /api/v0/cat`) or through
// the node (`content_get`). A fetcher resolves with `{ body, bytes }` or `{ skipped }` (final
// answers) and throws for what may change later: nobody serves the CID yet, a timeout, the
// daemon or node unreachable. The worker retries those with back-off.

import { hexToU8a } from '@polkadot/util'

import { RpcError, rpcCall } from '../chain/rpc.js'
import { decodeBody } from './decode.js'

/** Daemon answers that no retry will change: the CID is not a file. */
const NOT_A_FILE = /directory|not a file|not unixfs|unsupported|unknown codec/i

/** Bytes from the daemon at `api` (http://127.0.0.1:5001), read up to `maxBytes` + 1. */
export function ipfsFetcher ({ api, timeoutMs, maxBytes }) {
  const base = api.replace(/\/+$/, '')
  return async (cid) => {
    const url = `${base}/api/v0/cat?arg=${encodeURIComponent(cid)}&length=${maxBytes + 1}`
    const response = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(timeoutMs) })
    if (!response.ok) {
      const message = await response.text().then((text) => JSON.parse(text).Message ?? text, () => '')
      if (NOT_A_FILE.test(message)) return { skipped: `not a file: ${message}` }
      throw new Error(`IPFS answered ${response.status}: ${message}`)
    }
    const chunks = []
    let size = 0
    for await (const chunk of response.body) {
      size += chunk.length
      chunks.push(chunk)
      if (size > maxBytes) {
        await response.body.cancel().catch(() => {})
        return { skipped: `over the size limit of ${maxBytes} bytes` }
      }
    }
    return decodeBody(Buffer.concat(chunks), maxBytes)
  }
}

/** Bytes through the node's `content_get` at `rpc` (its limit and timeout apply too). */
export function nodeFetcher ({ rpc, timeoutMs, maxBytes }) {
  return async (cid) => {
    try {
      return decodeBody(hexToU8a(await rpcCall(rpc, 'content_get', [cid], { timeoutMs })), maxBytes)
    } catch (error) {
      // 7003: over the node's body limit; 7004: not a CID the chain accepts.
      if (error instanceof RpcError && error.code === 7003) return { skipped: `over the node's body limit: ${error.message}` }
      if (error instanceof RpcError && error.code === 7004) return { skipped: error.message }
      throw error
    }
  }
}
