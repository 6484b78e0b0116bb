// Hashtags and mentions in any language, and what is neither.

import assert from 'node:assert/strict'
import { test } from 'node:test'

import { hashtags, mentionedHandles, normalizeHandle, normalizeTag, segments } from '../src/text.js'

test('hashtags: any script, lower case, once each, in order', () => {
  assert.deepEqual(hashtags('#Agora is #agora; #日本語 #Ünïcode #a_b #ΚΑΛΗΜΕΡΑ'), ['agora', '日本語', 'ünïcode', 'a_b', 'καλημερα'])
  assert.deepEqual(hashtags('हिन्दी #नमस्ते'), ['नमस्ते'], 'combining marks belong to the tag')
})

test('hashtags: numbers, anchors, doubled signs and overlong runs are none', () => {
  assert.deepEqual(hashtags('#1 #2024 page#top ##x # alone'), [])
  assert.deepEqual(hashtags(`#${'a'.repeat(64)} #${'b'.repeat(65)}`), ['a'.repeat(64)])
})

test('mentions: handles as the chain defines them, lower case', () => {
  assert.deepEqual(mentionedHandles('@Alice, @bob_1 and @carol. @alice again'), ['alice', 'bob_1', 'carol'])
  assert.deepEqual(mentionedHandles('mail bob@example.org, @ab, @1abc, @_x1, @' + 'a'.repeat(33)), [])
  assert.deepEqual(mentionedHandles('@' + 'a'.repeat(32)), ['a'.repeat(32)])
})

test('normalizing a tag or handle a client typed', () => {
  assert.equal(normalizeTag('#AGORA'), 'agora')
  assert.equal(normalizeTag('agora'), 'agora')
  assert.equal(normalizeTag('#'), null)
  assert.equal(normalizeTag('a b'), null)
  assert.equal(normalizeHandle('@Alice'), 'alice')
  assert.equal(normalizeHandle('al'), null)
})

test('segments: a body cut into text, hashtags and mentions, nothing lost', () => {
  const body = 'Dawn with @Alice #Birds, mail bob@example.org page#top #1 @ab'
  const pieces = segments(body)
  assert.equal(pieces.map((piece) => piece.text).join(''), body)
  assert.deepEqual(pieces.filter((piece) => !('text' in piece && Object.keys(piece).length === 1)),
    [{ text: '@Alice', handle: 'alice' }, { text: '#Birds', tag: 'birds' }])
  assert.deepEqual(segments(''), [])
  assert.deepEqual(segments('#日本語'), [{ text: '#日本語', tag: '日本語' }])
})
