// Social recovery (pallet-recovery): an account names friends, how many of them must approve,
// an heir (the key that takes over) and a delay; when its key is lost, friends vouch, and after
// the delay the heir acts as the same account (acting.js). The CLI's `agora recovery` and the
// web app's Keys page both use these.

import { UserError } from './errors.js'

/** Approvals in an attempt's bitfield (u16 words, one bit per friend). */
function countApprovals (bitfield) {
  let count = 0
  for (const word of [bitfield].flat(Infinity)) {
    for (let bits = Number(word); bits; bits &= bits - 1) count++
  }
  return count
}

/**
 * The recovery state of `lost`: `{ account, block, friendGroups: [{ friends, threshold, heir,
 * delay, priority }], attempts: [{ group, initiator, approvals, threshold, initiatedAt,
 * claimableAt }], heir }` (`heir`: the key in control after a finished recovery, or null).
 */
export async function recoveryStatus (api, lost) {
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

/**
 * The call that sets `friends` (addresses), of whom `threshold` must approve, to hand the
 * account to `heir` after `delay` blocks. The delay also lets the account stop an attack before
 * its opener could.
 */
export function setupCall (api, { friends, threshold, heir, delay }) {
  if (friends.length === 0) throw new UserError('name at least one friend')
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > friends.length) {
    throw new UserError(`the number of friends who must approve must be between 1 and ${friends.length}`)
  }
  if (!Number.isInteger(delay) || delay < 1) throw new UserError('the delay must be at least one block')
  // The pallet requires a group's friends sorted by their bytes.
  const ids = friends.map((friend) => api.createType('AccountId', friend))
    .sort((a, b) => compareBytes(a.toU8a(), b.toU8a()))
  return api.tx.recovery.setFriendGroups([{
    friends: ids,
    friendsNeeded: threshold,
    inheritor: heir,
    inheritanceDelay: delay,
    inheritancePriority: 0,
    cancelDelay: delay
  }])
}

function compareBytes (a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

/** The call with which `friend` vouches for `lost`: opens its recovery, or approves the open one. */
export function vouchCall (api, state, friend) {
  const group = state.friendGroups.findIndex((g) => g.friends.includes(friend))
  if (group < 0) throw new UserError(`${friend} is not a friend of ${state.account}`)
  const open = state.attempts.some((a) => a.group === group)
  return open ? api.tx.recovery.approveAttempt(state.account, group) : api.tx.recovery.initiateAttempt(state.account, group)
}

/**
 * The call with which `heir` finishes the recovery of `state.account` once enough friends
 * approved and the delay passed; UserError saying what is missing otherwise.
 */
export function claimCall (api, state, heir) {
  if (state.attempts.length === 0) throw new UserError(`no recovery of ${state.account} is open`)
  const ready = state.attempts.filter((a) =>
    a.threshold !== null && a.approvals >= a.threshold && state.block >= a.claimableAt)
  if (ready.length === 0) {
    const a = state.attempts[0]
    throw new UserError(`no recovery of ${state.account} can be claimed yet: ${a.approvals}/${a.threshold} ` +
      `approvals, claimable from block ${a.claimableAt} (now ${state.block})`)
  }
  // The claimer pays the heir record's deposit: the signer's own group first.
  const attempt = ready.find((a) => state.friendGroups[a.group].heir === heir) ?? ready[0]
  return api.tx.recovery.finishAttempt(state.account, attempt.group)
}

/**
 * The failure in a finished claim's `events` (as `submit` resolves them): the attempt closed but
 * another heir stays in control. Null when the claim took.
 */
export function claimDiscarded (events) {
  const discarded = events.find((e) => e.section === 'recovery' && e.method === 'AttemptDiscarded')
  if (!discarded) return null
  return `the attempt was closed, but ${discarded.data.existingInheritor} stays the heir: ` +
    'a friend group of equal or higher priority recovered the account first'
}
