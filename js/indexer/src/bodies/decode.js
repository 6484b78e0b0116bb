// What counts as a body the indexer can index: UTF-8 text (PostgreSQL text cannot hold NUL),
// at most the size limit. Anything else is recorded as skipped with the reason, never retried.

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** `{ body, bytes }` for indexable bytes, else `{ skipped: reason }`. */
export function decodeBody (bytes, maxBytes) {
  if (bytes.length > maxBytes) return { skipped: `over the size limit of ${maxBytes} bytes` }
  let body
  try {
    body = utf8.decode(bytes)
  } catch {
    return { skipped: 'not UTF-8 text' }
  }
  if (body.includes('\u0000')) return { skipped: 'contains NUL characters' }
  return { body, bytes: bytes.length }
}
