// `agora recovery …`: social recovery (pallet-recovery). An account names friends, how many of
// them must approve, an heir (the key that takes over) and a delay; when its key is lost,
// friends vouch, and after the delay the heir acts as the same account (`--as`).

import { account, need, send } from './base.mjs'
import { UserError } from '@agora/chain'

/** A whole number given with `option`, at least `min`. */
function count (text, option, what, min) {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < min) {
    throw new UserError(`${option} needs ${what} (at least ${min})`)
  }
  return Number(text)
}

/** Accounts sorted by their bytes, as the pallet requires a group's friends to be. */
function sortedAccounts (api, accounts) {
  const ids = accounts.map((a) => api.createType('AccountId', a))
  return ids.sort((a, b) => Buffer.compare(Buffer.from(a.toU8a()), Buffer.from(b.toU8a())))
}

/** Approvals in an attempt's bitfield (u16 words, one bit per friend), as plain JSON. */
function countApprovals (bitfield) {
  let count = 0
  for (const word of [bitfield].flat(Infinity)) {
    for (let bits = Number(word); bits; bits &= bits - 1) count++
  }
  return count
}

/** The recovery state of `lost`: its friend groups, open attempts and heir in control. */
async function status (api, lost) {
  const [groups, attempts, inheritor, now] = await Promise.all([
    api.query.recovery.friendGroups(lost),
    api.query.recovery.attempt.entries(lost),
    api.query.recovery.inheritor(lost),
    api.query.system.number()
  ])
  const friendGroups = groups.isSome
    ? groups.unwrap()[0].map((g) => ({
      friends: g.friends.map((f) => f.toString()),
      threshold: g.friendsNeeded.toNumber(),
      heir: g.inheritor.toString(),
      delay: g.inheritanceDelay.toNumber(),
      priority: g.inheritancePriority.toNumber()
    }))
    : []
  const open = attempts.map(([key, value]) => {
    const attempt = value.unwrap()[0]
    const group = friendGroups[key.args[1].toNumber()]
    const initiated = attempt.initBlock.toNumber()
    return {
      group: key.args[1].toNumber(),
      initiator: attempt.initiator.toString(),
      approvals: countApprovals(attempt.approvals.toJSON()),
      threshold: group?.threshold ?? null,
      initiatedAt: initiated,
      claimableAt: group ? initiated + group.delay : null
    }
  })
  return {
    account: lost,
    block: now.toNumber(),
    friendGroups,
    attempts: open,
    heir: inheritor.isSome ? inheritor.unwrap()[1].toString() : null
  }
}

/** The index of the first friend group of `lost` that names `friend`. */
function groupOf (state, friend) {
  const index = state.friendGroups.findIndex((g) => g.friends.includes(friend))
  if (index < 0) throw new UserError(`${friend} is not a friend of ${state.account}`)
  return index
}

export const recoveryCommands = {
  'recovery setup': {
    usage: 'recovery setup <friend>… --threshold N --delay BLOCKS --heir <key>',
    run: async (ctx, args) => {
      if (args.length === 0) throw new UserError('missing friends')
      const friends = await Promise.all(args.map((a) => account(ctx, a)))
      const threshold = count(ctx.options.threshold, '--threshold', 'how many friends must approve', 1)
      if (threshold < 1 || threshold > friends.length) {
        throw new UserError(`--threshold must be between 1 and the number of friends (${friends.length})`)
      }
      if (ctx.options.heir === undefined) throw new UserError('--heir <key> is needed: the key that takes over')
      // The delay also lets the account slash an attack before its opener can cancel it.
      const delay = count(ctx.options.delay, '--delay', 'a number of blocks', 1)
      const group = {
        friends: sortedAccounts(ctx.api, friends),
        friendsNeeded: threshold,
        inheritor: await account(ctx, ctx.options.heir),
        inheritanceDelay: delay,
        inheritancePriority: 0,
        cancelDelay: delay
      }
      return send(ctx, ctx.api.tx.recovery.setFriendGroups([group]))
    }
  },
  'recovery status': {
    usage: 'recovery status [account | @handle]',
    run: async (ctx, args) => status(ctx.api, await account(ctx, args[0]))
  },
  'recovery vouch': {
    usage: 'recovery vouch <lost account | @handle>  (as a friend: open or approve its recovery)',
    run: async (ctx, args) => {
      const lost = await account(ctx, need(args, 0, 'lost account'))
      const state = await status(ctx.api, lost)
      const group = groupOf(state, await account(ctx))
      const open = state.attempts.some((a) => a.group === group)
      return send(ctx, open
        ? ctx.api.tx.recovery.approveAttempt(lost, group)
        : ctx.api.tx.recovery.initiateAttempt(lost, group))
    }
  },
  'recovery claim': {
    usage: 'recovery claim <lost account | @handle>  (after the delay: the heir takes over)',
    run: async (ctx, args) => {
      const lost = await account(ctx, need(args, 0, 'lost account'))
      const me = await account(ctx)
      const state = await status(ctx.api, lost)
      if (state.attempts.length === 0) throw new UserError(`no recovery of ${lost} is open`)
      const ready = state.attempts.filter((a) =>
        a.threshold !== null && a.approvals >= a.threshold && state.block >= a.claimableAt)
      if (ready.length === 0) {
        const a = state.attempts[0]
        throw new UserError(`no recovery of ${lost} can be claimed yet: ${a.approvals}/${a.threshold} ` +
          `approvals, claimable from block ${a.claimableAt} (now ${state.block})`)
      }
      // The claimer pays the heir record's deposit: the signer's own group first.
      const attempt = ready.find((a) => state.friendGroups[a.group].heir === me) ?? ready[0]
      const result = await send(ctx, ctx.api.tx.recovery.finishAttempt(lost, attempt.group))
      const discarded = result.events.find((e) => e.section === 'recovery' && e.method === 'AttemptDiscarded')
      if (discarded) {
        throw new UserError(`the attempt was closed, but ${discarded.data.existingInheritor} stays the heir: ` +
          'a friend group of equal or higher priority recovered the account first')
      }
      return result
    }
  },
  'recovery close': {
    usage: 'recovery close  (revoke the heir, stop being recoverable; see `keys list` for keys an heir added)',
    run: async (ctx) => {
      const me = await account(ctx)
      const state = await status(ctx.api, me)
      let result = null
      // The heir first: friend groups cannot be removed while an attempt is open.
      if (state.heir !== null) result = await send(ctx, ctx.api.tx.recovery.revokeInheritor())
      if (state.friendGroups.length > 0) result = await send(ctx, ctx.api.tx.recovery.setFriendGroups([]))
      if (result === null) throw new UserError(`${me} has no recovery set up`)
      return result
    }
  }
}
