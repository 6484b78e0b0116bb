// Event arguments as Subsquid decodes them (each block's own metadata) turned into what the
// database keeps. Arguments are read by name, and fields a runtime adds are ignored, so an event
// that gains a field (an upgrade) still indexes.
//
// Subsquid gives accounts and byte strings as 0x-hex, integers as numbers, bigints or strings,
// and enums as `{ __kind, ...fields }`.

import { hexToU8a } from '@polkadot/util'
import { encodeAddress } from '@polkadot/util-crypto'

import { cidFromBytes } from '@agora/chain/cid'

/** An account id (0x-hex) as SS58 text with `prefix`. */
export function account (value, prefix) {
  return encodeAddress(hexToU8a(value), prefix)
}

/** A post, message or other id, as a decimal string (bigint-safe for PostgreSQL). */
export function id (value) {
  if (value === undefined || value === null) return null
  return BigInt(value).toString()
}

/**
 * A CID (binary form, 0x-hex) as the canonical text the node's RPC prints: base58btc `Qm…` for
 * CIDv0, base32 `b…` for CIDv1. `null` for an absent optional CID.
 */
export function cid (value) {
  if (value === undefined || value === null) return null
  return cidFromBytes(typeof value === 'string' ? hexToU8a(value) : Uint8Array.from(value))
}

/** A byte string (0x-hex) as UTF-8 text: handles. `null` when absent. */
export function text (value) {
  if (value === undefined || value === null) return null
  return new TextDecoder().decode(hexToU8a(value))
}

/** An enum's variant name in lower case (`{ __kind: 'Like' }` → 'like'). */
export function variant (value) {
  return String(value?.__kind ?? value).toLowerCase()
}
