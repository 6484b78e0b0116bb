// Events and CIDs as plain data a tool can print, compare or serialise.

import { cidFromBytes } from './cid.js'

/**
 * An event as `{ section, method, data }` with named fields in camelCase. Values are
 * machine-readable (`toPrimitive()`): integers as numbers (as exact decimal strings when over
 * 2^52, where @polkadot/types stops trusting a JS number), accounts SS58, ASCII bytes as text,
 * enums by variant name; never `toHuman()`'s display strings such as "1,234". CIDs are given
 * in their usual text form.
 */
export function describeEvent (event) {
  const names = event.meta.fields.map((field) => field.name.isSome ? field.name.unwrap().toString() : null)
  const types = event.meta.fields.map((field) => field.typeName.isSome ? field.typeName.unwrap().toString() : '')
  const values = event.data.map((value, i) => /\bCid\b/.test(types[i]) ? cidText(value) : value.toPrimitive())
  const data = names.every(Boolean)
    ? Object.fromEntries(names.map((name, i) => [camel(name), values[i]]))
    : values
  return { section: event.section, method: event.method, data }
}

function camel (name) {
  return name.replace(/_([a-z])/g, (_m, c) => c.toUpperCase())
}

/** A CID (or an optional one) in its usual text form: `Qm…` for CIDv0, base32 `b…` for CIDv1. */
export function cidText (value) {
  const cid = value.isSome !== undefined ? (value.isSome ? value.unwrap() : null) : value
  if (cid === null) return null
  return cidFromBytes(cid.toU8a(true))
}
