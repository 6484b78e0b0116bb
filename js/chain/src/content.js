// Post bodies, profile documents and envelopes on IPFS, through the node: `content_add`
// uploads, `content_get` reads back by CID. `call` is the raw RPC of `connect()`.

import { hexToU8a, u8aToHex } from '@polkadot/util'

/**
 * Uploads `body` (bytes, or text as UTF-8); resolves with `{ cid, size }`: what a post, a
 * profile or a message then names and declares (pinning nodes refuse content larger than
 * declared).
 */
export async function upload (call, body) {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  return call('content_add', [u8aToHex(bytes)])
}

/** The bytes under `cid`; rejects with the node's message when it cannot read them. */
export async function downloadBytes (call, cid) {
  return hexToU8a(await call('content_get', [cid]))
}

/** The body under `cid` as text, or `{ error }` with the node's message. */
export async function download (call, cid) {
  try {
    return { text: new TextDecoder().decode(await downloadBytes(call, cid)) }
  } catch (error) {
    return { error: error.message }
  }
}
