// The profile document (pallets/profiles/README.md): JSON with optional `name` and `bio`
// strings. The indexer keeps those two for people search; anything else in it is the clients'.

const MAX_NAME = 200
const MAX_BIO = 2_000

/** `{ name, bio }` from a document's text, or `{ error }` saying why it is not one. */
export function profileDocument (text) {
  let doc
  try {
    doc = JSON.parse(text)
  } catch {
    return { error: 'not JSON' }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { error: 'not a JSON object' }
  const field = (name, max) => typeof doc[name] === 'string' ? doc[name].slice(0, max) : null
  return { name: field('name', MAX_NAME), bio: field('bio', MAX_BIO) }
}
