// Amounts as people type and read them.

import assert from 'node:assert/strict'
import { test } from 'node:test'

import { formatAmount, parseAmount } from '../src/amounts.js'

const api = { registry: { chainDecimals: [12] } }

test('an amount read back in full, or rounded down to a few digits for reading', () => {
  assert.equal(formatAmount(api, 1_930_524_978_532n), '1.930524978532 AGORA')
  assert.equal(formatAmount(api, 1_930_524_978_532n, { digits: 4 }), '1.9305 AGORA')
  assert.equal(formatAmount(api, 213_977_000n, { digits: 4 }), '0.0002139 AGORA', 'significant digits after the zeros')
  assert.equal(formatAmount(api, 1_999_999_999_999n, { digits: 2 }), '1.99 AGORA', 'never rounded up')
  assert.equal(formatAmount(api, 5_000_000_000_001n, { digits: 4 }), '5 AGORA')
  assert.equal(formatAmount(api, 0n, { digits: 4 }), '0 AGORA')
  assert.equal(formatAmount(api, 12n, { digits: 4 }), '0.000000000012 AGORA', 'the smallest amounts stay visible')
})

test('amounts typed: whole, with decimals, and what is refused', () => {
  assert.equal(parseAmount(api, '1', 'x'), 1_000_000_000_000n)
  assert.equal(parseAmount(api, '0.25', 'x'), 250_000_000_000n)
  assert.throws(() => parseAmount(api, '0', 'The allowance'), /The allowance must be more than 0/)
  assert.throws(() => parseAmount(api, '1,5', 'The allowance'), /such as 1 or 0.25/)
  assert.throws(() => parseAmount(api, '0.0000000000001', 'x'), /at most 12 decimals/)
})
