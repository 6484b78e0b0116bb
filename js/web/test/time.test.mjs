// Relative times as the cards show them (src/time.js), without a browser.

import assert from 'node:assert/strict'
import { test } from 'node:test'

import { relativeTime } from '../src/time.js'

test('times read as a person says them', () => {
  const now = new Date('2025-06-01T12:00:00Z')
  const ago = (seconds) => relativeTime(new Date(now.getTime() - seconds * 1000), now)
  assert.equal(ago(5), 'just now')
  assert.equal(ago(50), '1 min ago')
  assert.equal(ago(3 * 60 + 10), '3 min ago')
  assert.equal(ago(2 * 3600), '2 h ago')
  assert.equal(ago(86400), '1 day ago')
  assert.equal(ago(5 * 86400), '5 days ago')
  assert.equal(ago(400 * 86400), '1 year ago')
  assert.equal(ago(-30), 'just now')
})
