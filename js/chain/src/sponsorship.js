// Sponsorship records (pallet-sponsorship) as people read them: what an allowance has left.

/** What a sponsorship record or offer has left, in the smallest unit: allowance − fees − deposits. */
export function allowanceLeft (record) {
  return record.allowance.toBigInt() - record.feesPaid.toBigInt() - record.depositsHeld.toBigInt()
}
