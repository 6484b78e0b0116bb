// Amounts of AGORA as people type and read them ("1", "0.25 AGORA"), and as the chain counts
// them (the smallest unit, a BigInt). One wording for every tool: the CLI's `--allowance` and
// the web app's allowance field parse the same way.

import { UserError } from './errors.js'

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

/**
 * An amount in the smallest unit as AGORA text, all significant decimals: "0.0351 AGORA". With
 * `digits`, cut to that many significant digits after the point, for people to read (with 4:
 * "1.9305 AGORA" for 1.930524978532, "0.0002139 AGORA" for 0.000213977); never rounded up, so
 * an allowance shown is never more than what is left.
 */
export function formatAmount (api, value, { digits = null } = {}) {
  const places = decimals(api)
  const amount = BigInt(value)
  const whole = amount / 10n ** BigInt(places)
  let fraction = (amount % 10n ** BigInt(places)).toString().padStart(places, '0')
  if (digits !== null) {
    const leadingZeros = whole === 0n ? fraction.length - fraction.replace(/^0+/, '').length : 0
    fraction = fraction.slice(0, Math.min(places, leadingZeros + digits))
  }
  fraction = fraction.replace(/0+$/, '')
  return `${whole}${fraction ? `.${fraction}` : ''} AGORA`
}
