// What a body says beyond its words: hashtags and @handle mentions. Both are found the same way
// in every language: a hashtag is `#` and letters, digits, marks or `_` (at least one letter);
// a mention is `@` and a handle as the chain defines it. Neither may follow a letter, digit or
// `_` (so `page#top` and `bob@example.org` are neither). The indexer indexes by these rules and
// the web app links by them, so both always agree on what is a hashtag.

/** The longest hashtag kept, in characters; longer runs are not hashtags. */
export const MAX_TAG_LENGTH = 64

/**
 * The handle rule of `agora-primitives` (pallets/profiles/README.md): 3 to 32 characters from
 * a–z, 0–9 and `_`, starting with a letter; upper-case ASCII is lowered first.
 */
const HANDLE = /^[a-z][a-z0-9_]{2,31}$/

const TAG = /(?<![\p{L}\p{N}\p{M}_#])#([\p{L}\p{N}\p{M}_]+)/gu
const MENTION = /(?<![\p{L}\p{N}\p{M}_@])@([A-Za-z0-9_]+)/gu

/** A hashtag as stored and looked up: NFC, lower case, without `#`; null if it is none. */
export function normalizeTag (text) {
  const tag = String(text).replace(/^#/, '').normalize('NFC').toLowerCase()
  if ([...tag].length > MAX_TAG_LENGTH || !/^[\p{L}\p{N}\p{M}_]+$/u.test(tag) || !/\p{L}/u.test(tag)) return null
  return tag
}

/** A handle as the chain stores it (lower case), or null when `text` breaks the handle rule. */
export function normalizeHandle (text) {
  const handle = String(text).replace(/^@/, '').toLowerCase()
  return HANDLE.test(handle) ? handle : null
}

/** The distinct hashtags of `body`, in order of first use. */
export function hashtags (body) {
  const tags = new Set()
  for (const [, raw] of body.matchAll(TAG)) {
    const tag = normalizeTag(raw)
    if (tag) tags.add(tag)
  }
  return [...tags]
}

/** The distinct handles `body` mentions, in order of first mention. */
export function mentionedHandles (body) {
  const handles = new Set()
  for (const [, raw] of body.matchAll(MENTION)) {
    const handle = normalizeHandle(raw)
    if (handle) handles.add(handle)
  }
  return [...handles]
}

/**
 * `body` cut into pieces to show: `{ text }` for plain text, `{ text, tag }` for a hashtag
 * (normalized) and `{ text, handle }` for a mention; the pieces' texts joined are `body`.
 */
export function segments (body) {
  const found = [
    ...[...body.matchAll(TAG)].map((match) => ({ index: match.index, text: match[0], tag: normalizeTag(match[1]) })),
    ...[...body.matchAll(MENTION)].map((match) => ({ index: match.index, text: match[0], handle: normalizeHandle(match[1]) }))
  ].filter((piece) => piece.tag || piece.handle).sort((a, b) => a.index - b.index)
  const pieces = []
  let at = 0
  for (const { index, ...piece } of found) {
    if (index < at) continue
    if (index > at) pieces.push({ text: body.slice(at, index) })
    pieces.push(piece)
    at = index + piece.text.length
  }
  if (at < body.length) pieces.push({ text: body.slice(at) })
  return pieces
}
