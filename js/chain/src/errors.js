// Errors a person can act on, in the chain's own words. One wording for every tool: the CLI
// prints it after "agora:", the web app shows it in its status line.

/** A failure with a message meant for the person: no stack trace, no "unexpected". */
export class UserError extends Error {}

/**
 * A dispatch error as a sentence: the pallet error's doc line, then its name, e.g.
 * "Only the author may edit or delete a post (posts.NotAuthor)".
 */
export function describeDispatchError (api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule)
    const doc = docs.join(' ').trim().replace(/\.$/, '')
    return doc ? `${doc} (${section}.${name})` : `${section}.${name}`
  }
  if (dispatchError.isToken) return `Not enough funds (token.${dispatchError.asToken.type})`
  if (dispatchError.isArithmetic) return `Arithmetic error (arithmetic.${dispatchError.asArithmetic.type})`
  if (dispatchError.isBadOrigin) return 'This account may not make this call (BadOrigin)'
  return dispatchError.type
}

/** A JSON-RPC error from the node, without @polkadot/api's "<code>: " prefix. */
export function describeRpcError (error) {
  return String(error?.message ?? error).replace(/^-?\d+:\s*/, '')
}
