// @agora/chain: what every Agora JS tool needs to talk to the chain. Separate entries, so a page
// loads only what it uses: `@agora/chain/envelope` and `@agora/chain/messages` (private
// messages, with the HPKE code), `@agora/chain/mark-read` (the indexer's signed request, also
// the indexer's own) and `@agora/chain/text` (hashtags and mentions, also the indexer's).

export { actFor, innerFailure } from './acting.js'
export { formatAmount, parseAmount } from './amounts.js'
export { blockTime, blockTimes } from './blocks.js'
export { DEFAULT_URL, connect, rpcDefinitions } from './connect.js'
export { download, downloadBytes, upload } from './content.js'
export { UserError, describeDispatchError, describeRpcError } from './errors.js'
export { cidText, describeEvent } from './events.js'
export { indexerClient } from './indexer.js'
export { appKeys, proxyType, removeKeyCalls } from './keys.js'
export { latestPosts, suggestedAccounts } from './posts.js'
export { reactionKinds } from './reactions.js'
export { claimCall, claimDiscarded, recoveryStatus, setupCall, vouchCall } from './recovery.js'
export { allowanceLeft, describeSponsorship, sponsorshipOf } from './sponsorship.js'
export { submit } from './submit.js'
