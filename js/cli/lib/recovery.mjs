// `agora recovery …`: social recovery (pallet-recovery). An account names friends, how many of
// them must approve, an heir (the key that takes over) and a delay; when its key is lost,
// friends vouch, and after the delay the heir acts as the same account (`--as`).

import { account, need, send } from './base.mjs'
import { UserError, claimCall, claimDiscarded, recoveryStatus, setupCall, vouchCall } from '@agora/chain'

/** A whole number given with `option`, at least `min`. */
function count (text, option, what, min) {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < min) {
    throw new UserError(`${option} needs ${what} (at least ${min})`)
  }
  return Number(text)
}

export const recoveryCommands = {
  'recovery setup': {
    usage: 'recovery setup <friend>… --threshold N --delay BLOCKS --heir <key>',
    run: async (ctx, args) => {
      if (args.length === 0) throw new UserError('missing friends')
      const friends = await Promise.all(args.map((a) => account(ctx, a)))
      const threshold = count(ctx.options.threshold, '--threshold', 'how many friends must approve', 1)
      if (threshold > friends.length) {
        throw new UserError(`--threshold must be between 1 and the number of friends (${friends.length})`)
      }
      if (ctx.options.heir === undefined) throw new UserError('--heir <key> is needed: the key that takes over')
      const delay = count(ctx.options.delay, '--delay', 'a number of blocks', 1)
      const heir = await account(ctx, ctx.options.heir)
      return send(ctx, setupCall(ctx.api, { friends, threshold, heir, delay }))
    }
  },
  'recovery status': {
    usage: 'recovery status [account | @handle]',
    run: async (ctx, args) => recoveryStatus(ctx.api, await account(ctx, args[0]))
  },
  'recovery vouch': {
    usage: 'recovery vouch <lost account | @handle>  (as a friend: open or approve its recovery)',
    run: async (ctx, args) => {
      const state = await recoveryStatus(ctx.api, await account(ctx, need(args, 0, 'lost account')))
      return send(ctx, vouchCall(ctx.api, state, await account(ctx)))
    }
  },
  'recovery claim': {
    usage: 'recovery claim <lost account | @handle>  (after the delay: the heir takes over)',
    run: async (ctx, args) => {
      const state = await recoveryStatus(ctx.api, await account(ctx, need(args, 0, 'lost account')))
      const result = await send(ctx, claimCall(ctx.api, state, await account(ctx)))
      const discarded = claimDiscarded(result.events)
      if (discarded) throw new UserError(discarded)
      return result
    }
  },
  'recovery close': {
    usage: 'recovery close  (revoke the heir, stop being recoverable; see `keys list` for keys an heir added)',
    run: async (ctx) => {
      const me = await account(ctx)
      const state = await recoveryStatus(ctx.api, me)
      let result = null
      // The heir first: friend groups cannot be removed while an attempt is open.
      if (state.heir !== null) result = await send(ctx, ctx.api.tx.recovery.revokeInheritor())
      if (state.friendGroups.length > 0) result = await send(ctx, ctx.api.tx.recovery.setFriendGroups([]))
      if (result === null) throw new UserError(`${me} has no recovery set up`)
      return result
    }
  }
}
