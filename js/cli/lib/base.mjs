// What every command uses: its arguments, paging options, account arguments (SS58 or @handle), and sending a
// signed call, for the signer or, with `--as`, for an account the signer may act for.

import { UserError, actFor, submit } from '@agora/chain'

/** A command's positional argument `name`, or a clear error. */
export function need (args, index, name) {
  const value = args[index]
  if (value === undefined || value === '') throw new UserError(`missing ${name}`)
  return value
}

/** A read's paging options as the social_* RPC takes them: `[cursor, limit]` (null when absent). */
export function pageArgs (ctx) {
  const limit = ctx.options.limit
  if (limit !== undefined && !/^\d+$/.test(limit)) throw new UserError(`--limit ${limit} is not a number`)
  return [ctx.options.cursor ?? null, limit === undefined ? null : Number(limit)]
}

/** Signs and submits `tx`; with `--as`, for that account (see acting.mjs). */
export async function send (ctx, tx) {
  const pair = await ctx.pair()
  const call = ctx.options.as === undefined
    ? tx
    : await actFor(ctx.api, tx, pair.address, await account(ctx, ctx.options.as))
  return submit(ctx.api, call, pair, { finalized: ctx.options.finalized })
}

/**
 * An account argument: SS58, or @handle looked up on chain. When absent: the account named by
 * `--as`, else the signer.
 */
export async function account (ctx, text) {
  if (text === undefined) {
    return ctx.options.as === undefined ? (await ctx.pair()).address : account(ctx, ctx.options.as)
  }
  if (text.startsWith('@')) {
    const profile = await ctx.call('social_profileByHandle', [text.slice(1)])
    if (!profile) throw new UserError(`nobody holds the handle ${text}`)
    return profile.account
  }
  try {
    ctx.api.createType('AccountId', text)
  } catch {
    throw new UserError(`"${text}" is not an account (SS58 address or @handle)`)
  }
  return text
}
