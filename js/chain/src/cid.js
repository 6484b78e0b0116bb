// CIDs in their usual text form, from their binary form as the chain stores them. Its own entry
// (`@agora/chain/cid`), so tools that only print CIDs (the indexer) do not load @polkadot/api.

import { base32Encode, base58Encode } from '@polkadot/util-crypto'

/** A binary CID as text: `Qm…` (base58btc) for CIDv0, base32 `b…` for CIDv1. */
export function cidFromBytes (bytes) {
  return bytes[0] === 0x12 ? base58Encode(bytes) : 'b' + base32Encode(bytes).replace(/=+$/, '').toLowerCase()
}
