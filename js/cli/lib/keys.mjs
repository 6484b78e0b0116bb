// `agora keys …`: the keys that may act for an account (pallet-proxy). A social app key posts,
// follows and reacts for the account; a full key (the owner's own devices) does everything.
// The runtime's `ProxyType` is the one list of key types: Any, Social, SocialUntil(block).

import { account, need, send } from './base.mjs'
import { UserError } from '@agora/chain'

/** The `ProxyType` value for `--type` and `--until`. */
function proxyType (ctx) {
  const type = ctx.options.type ?? 'social'
  const until = ctx.options.until
  if (until !== undefined && !/^\d+$/.test(until)) throw new UserError(`--until ${until} is not a block number`)
  if (type === 'full') {
    if (until !== undefined) throw new UserError('--until applies to social keys only')
    return 'Any'
  }
  if (type === 'social') return until === undefined ? 'Social' : { SocialUntil: Number(until) }
  throw new UserError(`--type ${type} is not a key type: social or full`)
}

/** A key as the user reads it: its address, its type, and its last block if it expires. */
function describeKey ({ delegate, proxyType, delay }) {
  const type = proxyType.isAny ? 'full' : 'social'
  const until = proxyType.isSocialUntil ? proxyType.asSocialUntil.toNumber() : null
  return { key: delegate.toString(), type, until, delay: delay.toNumber() }
}

/** The keys of `who` and the deposit held for them. */
async function keysOf (ctx, who) {
  const [proxies, deposit] = await ctx.api.query.proxy.proxies(who)
  return { account: who, keys: proxies.map(describeKey), deposit: deposit.toString() }
}

export const keyCommands = {
  'keys add': {
    usage: 'keys add <key> [--type social|full] [--until BLOCK]  (let <key> act for you)',
    run: async (ctx, args) => {
      const key = await account(ctx, need(args, 0, 'key'))
      return send(ctx, ctx.api.tx.proxy.addProxy(key, proxyType(ctx), 0))
    }
  },
  'keys list': {
    usage: 'keys list [account | @handle]',
    run: async (ctx, args) => keysOf(ctx, await account(ctx, args[0]))
  },
  'keys remove': {
    usage: 'keys remove <key>  (it stops acting for you at once)',
    run: async (ctx, args) => {
      const key = await account(ctx, need(args, 0, 'key'))
      const owner = await account(ctx)
      const [proxies] = await ctx.api.query.proxy.proxies(owner)
      const entries = proxies.filter(({ delegate }) => delegate.eq(key))
      if (entries.length === 0) throw new UserError(`${key} is not a key of ${owner}`)
      // One entry per type the key was given; each is removed by its own transaction.
      let result
      for (const { proxyType, delay } of entries) {
        result = await send(ctx, ctx.api.tx.proxy.removeProxy(key, proxyType, delay))
      }
      return result
    }
  }
}
