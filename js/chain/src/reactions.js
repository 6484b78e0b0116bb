// The reaction kinds, read from the chain's metadata so they never drift from the runtime.

/**
 * The symbols of the kinds the runtime has today, as its doc lines give them
 * (`pallets/primitives/src/reaction.rs`), for a runtime whose metadata carries no type docs (the
 * runtime's Wasm is built without them). A kind not listed here shows its name.
 */
const KNOWN_SYMBOLS = {
  like: '👍', upvote: '⬆️', downvote: '⬇️', love: '❤️', laugh: '😂', wow: '😮', sad: '😢', angry: '😠', celebrate: '🎉'
}

/**
 * The kinds `reactions.react` accepts (the variants of its `kind`), as
 * `{ name: 'love', variant: 'Love', symbol: '❤️' }`; `symbol` is the first word of the
 * variant's doc line ("❤️ love."), else the known symbol of that name, else the name.
 */
export function reactionKinds (api) {
  const field = api.tx.reactions.react.meta.fields.find((f) => f.name.unwrapOr('').toString() === 'kind')
  const def = api.registry.lookup.getSiType(field.type).def
  return def.asVariant.variants.map(({ name: variant, docs }) => {
    const name = variant.toString().toLowerCase()
    const doc = docs.map((line) => line.toString()).join(' ').trim()
    return { name, variant: variant.toString(), symbol: doc.split(/\s+/)[0] || KNOWN_SYMBOLS[name] || name }
  })
}
