// Errors a user can act on: printed as one line, no stack trace, non-zero exit.

export class UserError extends Error {}

/** A dispatch error as `pallet.Error: its doc line`. */
export function describeDispatchError (api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule)
    const doc = docs.join(' ').trim()
    return `${section}.${name}${doc ? `: ${lowerFirst(doc).replace(/\.$/, '')}` : ''}`
  }
  if (dispatchError.isToken) return `token.${dispatchError.asToken.type}`
  if (dispatchError.isArithmetic) return `arithmetic.${dispatchError.asArithmetic.type}`
  return dispatchError.type
}

/** A JSON-RPC error from the node, as the user should read it. */
export function describeRpcError (error) {
  const message = String(error?.message ?? error)
  // @polkadot/api prefixes "<code>: <message>".
  return message.replace(/^-?\d+:\s*/, '')
}

function lowerFirst (text) {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
