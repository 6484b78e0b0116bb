// Reading and checking the query parameters every endpoint shares. Each failure is a 4xx with a
// message naming the parameter.

import { decodeAddress, encodeAddress } from '@polkadot/util-crypto'

import { normalizeTag } from '@agora/chain/text'
import { ApiError } from './errors.js'

/** The notification kinds, as `kinds=` takes them. */
export const NOTIFICATION_KINDS = ['reply', 'mention', 'quote', 'repost', 'reaction', 'follow', 'message']

export function required (query, name) {
  const value = query.get(name)
  if (value === null || value === '') throw new ApiError('badParameter', `${name} is required`)
  return value
}

/** An SS58 account (any prefix) as the indexer stores it: SS58 with the chain's prefix. */
export function accountParam (query, ss58, name = 'account') {
  const text = required(query, name)
  try {
    return encodeAddress(decodeAddress(text), ss58)
  } catch {
    throw new ApiError('badParameter', `${name} "${text.slice(0, 80)}" is not an SS58 account`)
  }
}

/** `limit`: 1 to `max`, default 20 (or `max` when smaller). */
export function limitParam (query, max) {
  const text = query.get('limit')
  if (text === null || text === '') return Math.min(20, max)
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new ApiError('badLimit', `limit must be 1 to ${max}, not "${text.slice(0, 20)}"`)
  }
  return Number(text)
}

/** `kinds`: a comma-separated subset of NOTIFICATION_KINDS, or null for all. */
export function kindsParam (query) {
  const text = query.get('kinds')
  if (text === null || text === '') return null
  const kinds = [...new Set(text.split(',').map((kind) => kind.trim().toLowerCase()))]
  const unknown = kinds.filter((kind) => !NOTIFICATION_KINDS.includes(kind))
  if (unknown.length) {
    throw new ApiError('badParameter', `unknown kinds ${unknown.join(', ').slice(0, 80)}: use ${NOTIFICATION_KINDS.join(', ')}`)
  }
  return kinds
}

/** `q`: 1 to 256 characters of search words (PostgreSQL's web search syntax). */
export function queryParam (query) {
  const q = required(query, 'q').trim()
  if (q === '' || q.length > 256) throw new ApiError('badParameter', 'q must be 1 to 256 characters')
  if (q.includes('\u0000')) throw new ApiError('badParameter', 'q may not contain NUL')
  return q
}

/** `tag`: a hashtag, with or without `#`. */
export function tagParam (query) {
  const text = required(query, 'tag')
  const tag = normalizeTag(text)
  if (!tag) throw new ApiError('badParameter', `"${text.slice(0, 80)}" is not a hashtag (letters, digits, marks or _, with a letter)`)
  return tag
}

const UNITS = { m: 60, h: 3600, d: 86400 }
const MAX_WINDOW_SECONDS = 30 * 86400

/** `window`: e.g. 30m, 24h, 7d (at most 30 days); default 24h. In seconds. */
export function windowParam (query) {
  const text = query.get('window') ?? '24h'
  const match = /^(\d{1,4})([mhd])$/.exec(text)
  const seconds = match ? Number(match[1]) * UNITS[match[2]] : 0
  if (!match || seconds < 60 || seconds > MAX_WINDOW_SECONDS) {
    throw new ApiError('badParameter', `window must be like 30m, 24h or 7d, from 1m to 30d, not "${text.slice(0, 20)}"`)
  }
  return { text, seconds }
}

/** A post id: a decimal integer. */
export function postIdParam (query, name = 'id') {
  const text = required(query, name)
  if (!/^\d{1,19}$/.test(text)) throw new ApiError('badParameter', `${name} "${text.slice(0, 20)}" is not a post id`)
  return text
}
