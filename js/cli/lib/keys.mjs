// `agora keys …`: the keys that may act for an account (pallet-proxy). A social app key posts,
// follows and reacts for the account; a full key (the owner's own devices) does everything.
// The key types and the calls are @agora/chain's (keys.js), shared with the web app.

import { account, need, send } from './base.mjs'
import { UserError, appKeys, proxyType, removeKeyCalls } from '@agora/chain'

/** The `ProxyType` value for `--type` and `--until`. */
function typeOption (ctx) {
  const until = ctx.options.until
  if (until !== undefined && !/^\d+$/.test(until)) throw new UserError(`--until ${until} is not a block number`)
  const type = ctx.options.type ?? 'social'
  if (type === 'full' && until !== undefined) throw new UserError('--until applies to social keys only')
  if (type !== 'full' && type !== 'social') throw new UserError(`--type ${type} is not a key type: social or full`)
  return proxyType({ type, until: until === undefined ? null : Number(until) })
}

export const keyCommands = {
  'keys add': {
    usage: 'keys add <key> [--type social|full] [--until BLOCK]  (let <key> act for you)',
    run: async (ctx, args) => {
      const key = await account(ctx, need(args, 0, 'key'))
      return send(ctx, ctx.api.tx.proxy.addProxy(key, typeOption(ctx), 0))
    }
  },
  'keys list': {
    usage: 'keys list [account | @handle]',
    run: async (ctx, args) => appKeys(ctx.api, await account(ctx, args[0]))
  },
  'keys remove': {
    usage: 'keys remove <key>  (it stops acting for you at once)',
    run: async (ctx, args) => {
      const key = await account(ctx, need(args, 0, 'key'))
      let result
      for (const call of await removeKeyCalls(ctx.api, await account(ctx), key)) result = await send(ctx, call)
      return result
    }
  }
}
