// Profile documents: the JSON a profile names on IPFS, `{ name, bio, avatar }` (avatar.js), as
// every page reads it. A document that is not such JSON is shown as a bio of its text.

/** `text` as `{ name, bio, avatar }` (each null when absent or not a string). */
export function readDocument (text) {
  try {
    const doc = JSON.parse(text)
    if (doc && typeof doc === 'object') {
      const field = (name) => typeof doc[name] === 'string' ? doc[name] : null
      return { name: field('name'), bio: field('bio'), avatar: field('avatar') }
    }
  } catch {}
  return { name: null, bio: text, avatar: null }
}
