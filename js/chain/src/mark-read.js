// The signed request that moves an account's read marker (POST /mark-read), shared by the API
// and its clients. Only the account may move its marker, so the request carries the account's
// sr25519 signature over a message that names what it is for (so no other signed text passes
// for one), the chain (its genesis hash: no replay on another chain's indexer), the account,
// how far it read, and when it was signed (no replay of an old request).
//
// Exported as `@agora/chain/mark-read`; it loads only @polkadot/util(-crypto).

import { stringToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util'
import { decodeAddress, sr25519Verify } from '@polkadot/util-crypto'

export const MARK_READ_PURPOSE = 'agora-indexer/mark-read/v1'

/** How far a request's timestamp may be from the server's clock, either way. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000

/**
 * The text an account signs: the purpose, the genesis hash, the account's public key (hex, so
 * every SS58 spelling of it signs the same text), the notification id read up to and the
 * signing time in milliseconds since the epoch.
 */
export function markReadMessage ({ genesis, account, upTo, at }) {
  return [
    MARK_READ_PURPOSE,
    `genesis: ${genesis}`,
    `account: ${u8aToHex(decodeAddress(account))}`,
    `up-to: ${upTo}`,
    `at: ${at}`
  ].join('\n')
}

/** Signs a mark-read request with `pair` (a keyring pair); resolves with its JSON body. */
export function signMarkRead (pair, { genesis, upTo, at = Date.now() }) {
  const message = markReadMessage({ genesis, account: pair.address, upTo, at })
  return { account: pair.address, upTo: String(upTo), at, signature: u8aToHex(pair.sign(stringToU8a(message))) }
}

/**
 * Whether `signature` is the account's sr25519 signature of the request's message, as signed
 * directly or as a browser extension's `signRaw` signs it (wrapped in `<Bytes>…</Bytes>`).
 */
export function verifyMarkRead ({ genesis, account, upTo, at, signature }) {
  const message = stringToU8a(markReadMessage({ genesis, account, upTo, at }))
  const publicKey = decodeAddress(account)
  try {
    return sr25519Verify(message, signature, publicKey) || sr25519Verify(u8aWrapBytes(message), signature, publicKey)
  } catch {
    return false
  }
}
