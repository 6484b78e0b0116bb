// Post bodies and profile documents: uploaded to IPFS through the node (`content_add`),
// read back by CID (`content_get`).

import { readFileSync } from 'node:fs'
import { hexToU8a, u8aToHex } from '@polkadot/util'

import { UserError } from './errors.mjs'

/** The bytes of a body given as text or as a file path. */
export function bodyBytes ({ text, file }) {
  if (file) {
    try {
      return readFileSync(file)
    } catch (error) {
      throw new UserError(`cannot read ${file}: ${error.code ?? error.message}`)
    }
  }
  if (text === undefined || text === '') throw new UserError('give the body as text or with --file')
  return new TextEncoder().encode(text)
}

/** Uploads a body through `content_add`; returns its CID. */
export async function upload (call, body) {
  return call('content_add', [u8aToHex(body)])
}

/** The body under `cid` as text (`content_get`), or `{ error }` when it cannot be read. */
export async function download (call, cid) {
  try {
    return { text: new TextDecoder().decode(hexToU8a(await call('content_get', [cid]))) }
  } catch (error) {
    return { error: error.message }
  }
}
