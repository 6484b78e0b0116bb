// `agora sponsor …` and `agora sponsorship …`: sponsorship by consent (pallet-sponsorship). A
// sponsor offers to pay the fees and hold the deposits of another account's social actions
// (profile, posts, follows, reactions, messages), up to an allowance; once that account accepts
// (the offer pays the fee of accepting), a brand-new key with no AGORA can take part. The
// sponsored account signs its own ordinary transactions, and can always leave (its sponsor
// pays that fee too).

import { UserError, parseAmount, sponsorshipOf } from '@agora/chain'

import { account, need, send } from './base.mjs'

export const sponsorshipCommands = {
  sponsor: {
    usage: 'sponsor <account | @handle> --allowance AGORA  (offer to pay its fees and deposits, up to AGORA, once it accepts)',
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
  'sponsor withdraw': {
    usage: 'sponsor withdraw <account | @handle>  (take back an offer it has not accepted)',
    run: async (ctx, args) => {
      const who = await account(ctx, need(args, 0, 'account'))
      return send(ctx, ctx.api.tx.sponsorship.withdrawOffer(who))
    }
  },
  'sponsor revoke': {
    usage: 'sponsor revoke [account | @handle]  (end a sponsorship: yours of it, or, without an account, leave your own)',
    run: async (ctx, args) => {
      const who = await account(ctx, args[0])
      const { sponsorship } = await sponsorshipOf(ctx.api, who)
      if (!sponsorship) throw new UserError(`${who} is not sponsored`)
      return send(ctx, ctx.api.tx.sponsorship.revoke(who))
    }
  },
  'sponsorship accept': {
    usage: 'sponsorship accept <sponsor | @handle>  (take a waiting offer: it pays this call\'s fee)',
    run: async (ctx, args) => {
      const sponsor = await account(ctx, need(args, 0, 'sponsor'))
      return send(ctx, ctx.api.tx.sponsorship.accept(sponsor))
    }
  },
  'sponsorship show': {
    usage: 'sponsorship show [account | @handle]  (who pays for it, what is left, offers waiting; whom it sponsors)',
    run: async (ctx, args) => sponsorshipOf(ctx.api, await account(ctx, args[0]))
  }
}
