// Blocks as Subsquid hands them to the follower (events with named, camelCase arguments;
// accounts and bytes as 0x-hex), for tests of the indexer's writes without a chain.

import { u8aToHex, stringToHex } from '@polkadot/util'
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto'

/** A made-up account: `{ hex, ss58 }`. */
export function someone (n) {
  const bytes = new Uint8Array(32).fill(n)
  return { hex: u8aToHex(bytes), ss58: encodeAddress(bytes, 42) }
}

export const hexOf = (ss58) => u8aToHex(decodeAddress(ss58))
export const handleHex = (text) => stringToHex(text)

/** A CID's binary form (0x-hex) from its canonical base32 text. */
export function cidHex (text) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  let bits = 0
  let value = 0
  const out = []
  for (const char of text.slice(1)) {
    value = (value << 5) | alphabet.indexOf(char)
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return u8aToHex(Uint8Array.from(out))
}

/** Blocks from `[height, [[name, args], …]]` pairs, timestamps 6 s apart. */
export function blocks (...specs) {
  return specs.map(([height, events]) => ({
    header: { height, hash: `0x${height.toString(16).padStart(64, '0')}`, timestamp: 1_700_000_000_000 + height * 6000, specVersion: 1 },
    events: events.map(([name, args], index) => ({ index, name, args }))
  }))
}
