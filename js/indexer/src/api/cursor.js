// Opaque page cursors: base64url of `[endpoint, key]`, so a cursor only pages the listing that
// handed it out and a client never builds one. The key is the last item's sort key.

import { ApiError } from './errors.js'

export function encodeCursor (endpoint, key) {
  return Buffer.from(JSON.stringify([endpoint, key])).toString('base64url')
}

/** The key of `cursor` for `endpoint` (null when absent); 8002 for anything else. */
export function decodeCursor (endpoint, cursor, isKey) {
  if (cursor === null || cursor === undefined || cursor === '') return null
  let decoded
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    decoded = null
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || decoded[0] !== endpoint || !isKey(decoded[1])) {
    throw new ApiError('badCursor', `"${String(cursor).slice(0, 80)}" is not a cursor this listing handed out`)
  }
  return decoded[1]
}

/** A post or notification id as a cursor key: a decimal string. */
export const isId = (key) => typeof key === 'string' && /^\d{1,20}$/.test(key)
