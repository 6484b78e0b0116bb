// Signing and submitting a call, waiting for its block, and reading what it caused.

import { describeEvent } from './events.js'
import { innerFailure } from './acting.js'
import { UserError, describeDispatchError } from './errors.js'

/**
 * Signs `tx` as `who` and submits it; resolves when a block includes it (or finalizes it, with
 * `finalized`) with `{ block, events }`, the extrinsic's events as `{ section, method, data }`.
 * Rejects with a UserError in the pallet's words when the call failed, including the inner call
 * of a proxy or recovery wrapper, which succeeds as a transaction even when its call fails.
 *
 * `who` is a keyring pair, or `{ address, signer }` for a key held elsewhere (a browser
 * extension).
 */
export function submit (api, tx, who, { finalized = false } = {}) {
  const [account, options] = who.signer
    ? [who.address, { nonce: -1, signer: who.signer }]
    : [who, { nonce: -1 }]
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {}
    const finish = (fn, value) => { unsubscribe(); fn(value) }
    tx.signAndSend(account, options, (result) => {
      const { status, events, dispatchError } = result
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        return finish(reject, new UserError(`The transaction was ${status.type.toLowerCase()}`))
      }
      const landed = finalized ? status.isFinalized : (status.isInBlock || status.isFinalized)
      if (!landed) return
      const block = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex()
      if (dispatchError) return finish(reject, new UserError(describeDispatchError(api, dispatchError)))
      const failure = innerFailure(api, events)
      if (failure) return finish(reject, new UserError(failure))
      finish(resolve, { block, events: events.map(({ event }) => describeEvent(event)) })
    }).then((unsub) => { unsubscribe = unsub }).catch((error) => {
      reject(new UserError(`The node refused the transaction: ${error.message}`))
    })
  })
}
