// Signing and submitting a call, waiting for its block, and reading what it caused.

import { base32Encode, base58Encode } from '@polkadot/util-crypto'

import { innerFailure } from './acting.mjs'
import { UserError, describeDispatchError } from './errors.mjs'

/**
 * Signs `tx` with `pair`, submits it, and waits until a block includes it (or finalizes it,
 * with `finalized`). Returns the block hash and the extrinsic's events as
 * `{ section, method, data }`; throws a UserError naming the pallet error if it failed.
 */
export function submit (api, tx, pair, { finalized = false } = {}) {
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {}
    const finish = (fn, value) => { unsubscribe(); fn(value) }
    tx.signAndSend(pair, { nonce: -1 }, (result) => {
      const { status, events, dispatchError } = result
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        return finish(reject, new UserError(`the transaction was ${status.type.toLowerCase()}`))
      }
      const landed = finalized ? status.isFinalized : (status.isInBlock || status.isFinalized)
      if (!landed) return
      const block = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex()
      if (dispatchError) {
        return finish(reject, new UserError(describeDispatchError(api, dispatchError)))
      }
      const failure = innerFailure(api, events)
      if (failure) return finish(reject, new UserError(failure))
      finish(resolve, { block, events: events.map(({ event }) => describeEvent(event)) })
    }).then((unsub) => { unsubscribe = unsub }).catch((error) => {
      reject(new UserError(`the node refused the transaction: ${error.message}`))
    })
  })
}

/**
 * An event as plain data: `{ section, method, data }` with named fields. Values are
 * machine-readable (`toPrimitive()`): integers as numbers (as exact decimal strings when over
 * 2^52, where @polkadot/types stops trusting a JS number), accounts SS58, ASCII bytes as text,
 * enums by variant name; never `toHuman()`'s display strings such as "1,234". CIDs are given
 * as their usual text.
 */
function describeEvent (event) {
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
function cidText (value) {
  const cid = value.isSome !== undefined ? (value.isSome ? value.unwrap() : null) : value
  if (cid === null) return null
  const bytes = cid.toU8a(true)
  return bytes[0] === 0x12 ? base58Encode(bytes) : 'b' + base32Encode(bytes).replace(/=+$/, '').toLowerCase()
}
