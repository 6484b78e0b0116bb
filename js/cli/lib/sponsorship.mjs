// `agora sponsor …`: sponsorship (pallet-sponsorship). A sponsor pays the fees and holds the
// deposits of another account's social actions (profile, posts, follows, reactions), up to an
// allowance; a brand-new key with no AGORA can then take part. The sponsored account signs its
// own ordinary transactions: nothing changes on its side.

import { account, need, send } from './base.mjs'
import { UserError } from '@agora/chain'

/** The chain's token decimals (AGORA: 12). */
function decimals (api) {
  return api.registry.chainDecimals[0] ?? 12
}

/** An amount of AGORA as the user types it ("1", "0.25") in the smallest unit, as a BigInt. */
export function parseAmount (api, text, option) {
  const places = decimals(api)
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text ?? '')
  if (!match || (match[2] ?? '').length > places) {
    throw new UserError(`${option} needs an amount of AGORA such as 1 or 0.25 (at most ${places} decimals)`)
  }
  const amount = BigInt(match[1]) * 10n ** BigInt(places) + BigInt((match[2] ?? '').padEnd(places, '0'))
  if (amount === 0n) throw new UserError(`${option} must be more than 0`)
  return amount
}

/** An amount in the smallest unit as AGORA text, all significant decimals: "0.0351". */
export function formatAmount (api, value) {
  const places = BigInt(decimals(api))
  const amount = BigInt(value)
  const whole = amount / 10n ** places
  const fraction = (amount % 10n ** places).toString().padStart(Number(places), '0').replace(/0+$/, '')
  return `${whole}${fraction ? `.${fraction}` : ''} AGORA`
}

/** The sponsorship of `who` (or null) and the accounts `who` sponsors. */
async function sponsorshipOf (ctx, who) {
  const [record, sponsored] = await Promise.all([
    ctx.api.query.sponsorship.sponsorships(who),
    ctx.api.query.sponsorship.sponsoredBy.keys(who)
  ])
  let sponsorship = null
  if (record.isSome) {
    const s = record.unwrap()
    const [allowance, feesPaid, depositsHeld] = [s.allowance, s.feesPaid, s.depositsHeld].map((v) => v.toBigInt())
    const left = allowance - feesPaid - depositsHeld
    sponsorship = {
      sponsor: s.sponsor.toString(),
      ...Object.fromEntries(Object.entries({ allowance, feesPaid, depositsHeld, left })
        .map(([key, value]) => [key, { planck: value.toString(), text: formatAmount(ctx.api, value) }]))
    }
  }
  return { account: who, sponsorship, sponsors: sponsored.map((key) => key.args[1].toString()) }
}

export const sponsorshipCommands = {
  sponsor: {
    usage: 'sponsor <account | @handle> --allowance AGORA  (pay its fees and deposits, up to AGORA)',
    run: async (ctx, args) => {
      const who = await account(ctx, need(args, 0, 'account'))
      const allowance = parseAmount(ctx.api, ctx.options.allowance, '--allowance')
      return send(ctx, ctx.api.tx.sponsorship.sponsor(who, allowance))
    }
  },
  'sponsor top-up': {
    usage: 'sponsor top-up <account | @handle> --allowance AGORA  (raise the allowance by AGORA)',
    run: async (ctx, args) => {
      const who = await account(ctx, need(args, 0, 'account'))
      const more = parseAmount(ctx.api, ctx.options.allowance, '--allowance')
      return send(ctx, ctx.api.tx.sponsorship.topUp(who, more))
    }
  },
  'sponsor revoke': {
    usage: 'sponsor revoke [account | @handle]  (end a sponsorship: yours of it, or, without an account, your own)',
    run: async (ctx, args) => {
      const who = await account(ctx, args[0])
      const { sponsorship } = await sponsorshipOf(ctx, who)
      if (!sponsorship) throw new UserError(`${who} is not sponsored`)
      return send(ctx, ctx.api.tx.sponsorship.revoke(who))
    }
  },
  'sponsorship show': {
    usage: 'sponsorship show [account | @handle]  (who pays for it, what is left; whom it sponsors)',
    run: async (ctx, args) => sponsorshipOf(ctx, await account(ctx, args[0]))
  }
}
