// Sponsorship records (pallet-sponsorship) as people read them: who pays for an account, what
// its allowance has left, the offers waiting for it, and whom it sponsors. The CLI's `agora
// sponsorship show` and the web app's Sponsorship page both show these.

import { formatAmount } from './amounts.js'

/** What a sponsorship record or offer has left, in the smallest unit: allowance − fees − deposits. */
export function allowanceLeft (record) {
  return record.allowance.toBigInt() - record.feesPaid.toBigInt() - record.depositsHeld.toBigInt()
}

/**
 * A sponsorship record or offer as plain data: `{ sponsor, allowance, feesPaid, depositsHeld,
 * left }`, each amount as `{ planck, text }` (text in AGORA).
 */
export function describeSponsorship (api, record) {
  const [allowance, feesPaid, depositsHeld] = [record.allowance, record.feesPaid, record.depositsHeld].map((v) => v.toBigInt())
  const left = allowanceLeft(record)
  return {
    sponsor: record.sponsor.toString(),
    ...Object.fromEntries(Object.entries({ allowance, feesPaid, depositsHeld, left })
      .map(([key, value]) => [key, { planck: value.toString(), text: formatAmount(api, value) }]))
  }
}

/**
 * The sponsorship of `who`: `{ account, sponsorship (or null), offers (waiting for it),
 * sponsors (the accounts it sponsors) }`.
 */
export async function sponsorshipOf (api, who) {
  const [record, offers, sponsored] = await Promise.all([
    api.query.sponsorship.sponsorships(who),
    api.query.sponsorship.offers.entries(who),
    api.query.sponsorship.sponsoredBy.keys(who)
  ])
  return {
    account: who,
    sponsorship: record.isSome ? describeSponsorship(api, record.unwrap()) : null,
    offers: offers.map(([, offer]) => describeSponsorship(api, offer.unwrap())),
    sponsors: sponsored.map((key) => key.args[1].toString())
  }
}
