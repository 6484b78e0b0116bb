// @agora/chain: what every Agora JS tool needs to talk to the chain. Envelopes (private
// messages) are a separate entry, `@agora/chain/envelope`, so pages that never open one do not
// load the HPKE code.

export { actFor, innerFailure } from './acting.js'
export { formatAmount, parseAmount } from './amounts.js'
export { blockTime, blockTimes } from './blocks.js'
export { DEFAULT_URL, connect, rpcDefinitions } from './connect.js'
export { download, downloadBytes, upload } from './content.js'
export { UserError, describeDispatchError, describeRpcError } from './errors.js'
export { cidText, describeEvent } from './events.js'
export { latestPosts } from './posts.js'
export { reactionKinds } from './reactions.js'
export { allowanceLeft } from './sponsorship.js'
export { submit } from './submit.js'
