// The node: @polkadot/api for metadata, storage-free reads through the node's social_* and
// content_* RPC (definitions shared with the command-line client), and signed writes that wait
// for inclusion and report failures as the pallet's own words.

import { ApiPromise, WsProvider } from '@polkadot/api'
import { hexToU8a, u8aToHex } from '@polkadot/util'

import rpcDefinitions from '../../scripts/client/rpc-definitions.json'

/** The node to use: `?node=ws://…` in the page's address, else the dev chain's default. */
export function nodeUrl () {
  return new URLSearchParams(window.location.search).get('node') ?? 'ws://127.0.0.1:9944'
}

/** A failure the person can act on, with a readable message. */
export class UserError extends Error {}

export async function connect (url) {
  const provider = new WsProvider(url)
  const api = await ApiPromise.create({ provider, rpc: rpcDefinitions, noInitWarn: true })
  const call = async (method, params = []) => {
    while (params.length > 0 && params[params.length - 1] == null) params = params.slice(0, -1)
    try {
      return await provider.send(method, params)
    } catch (error) {
      throw new UserError(String(error?.message ?? error).replace(/^-?\d+:\s*/, ''))
    }
  }
  const chainType = (await api.rpc.system.chainType()).toString()
  return { api, call, chainType, isDev: chainType === 'Development' || chainType === 'Local' }
}

/** A dispatch error in the pallet's words: its doc line, e.g. "Only the author may edit or delete a post." */
export function describeDispatchError (api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule)
    const doc = docs.join(' ').trim()
    return doc ? `${doc} (${section}.${name})` : `${section}.${name}`
  }
  if (dispatchError.isToken) return `Not enough funds (token.${dispatchError.asToken.type}).`
  return dispatchError.type
}

/**
 * Signs `tx` as `account` (see accounts.js) and resolves when a block includes it, with the
 * events as `{ section, method, data }`; rejects with a UserError naming what failed.
 */
export function submit (chain, tx, account) {
  const { api } = chain
  return new Promise((resolve, reject) => {
    let unsubscribe = () => {}
    const finish = (fn, value) => { unsubscribe(); fn(value) }
    tx.signAndSend(account.signingAddress, { nonce: -1, signer: account.signer }, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        return finish(reject, new UserError(`The transaction was ${status.type.toLowerCase()}.`))
      }
      if (!status.isInBlock && !status.isFinalized) return
      if (dispatchError) return finish(reject, new UserError(describeDispatchError(api, dispatchError)))
      finish(resolve, events.map(({ event }) => ({ section: event.section, method: event.method, data: event.data.toPrimitive() })))
    }).then((unsub) => { unsubscribe = unsub }).catch((error) => {
      reject(new UserError(`The node refused the transaction: ${error.message}`))
    })
  })
}

/** Uploads a body (text) through the node's content API; returns its CID. */
export async function upload (chain, text) {
  return chain.call('content_add', [u8aToHex(new TextEncoder().encode(text))])
}

/** The body under `cid` as text, or `{ error }`. */
export async function download (chain, cid) {
  try {
    return { text: new TextDecoder().decode(hexToU8a(await chain.call('content_get', [cid]))) }
  } catch (error) {
    return { error: error.message }
  }
}

/**
 * The reaction kinds the chain accepts, from its metadata (the variants of `reactions.react`'s
 * `kind`): `{ name: 'love', variant: 'Love' }`.
 */
export function reactionKinds (api) {
  const field = api.tx.reactions.react.meta.fields.find((f) => f.name.unwrapOr('').toString() === 'kind')
  const def = api.registry.lookup.getSiType(field.type).def
  return def.asVariant.variants.map(({ name }) => ({ name: name.toString().toLowerCase(), variant: name.toString() }))
}
