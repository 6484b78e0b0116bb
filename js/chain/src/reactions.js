// The reaction kinds, read from the chain's metadata so they never drift from the runtime.

/**
 * The kinds `reactions.react` accepts (the variants of its `kind`), as
 * `{ name: 'love', variant: 'Love', symbol: '❤️' }`; `symbol` is the first word of the
 * variant's doc line ("❤️ love."), or the name when the doc has none.
 */
export function reactionKinds (api) {
  const field = api.tx.reactions.react.meta.fields.find((f) => f.name.unwrapOr('').toString() === 'kind')
  const def = api.registry.lookup.getSiType(field.type).def
  return def.asVariant.variants.map(({ name: variant, docs }) => {
    const name = variant.toString().toLowerCase()
    const doc = docs.map((line) => line.toString()).join(' ').trim()
    return { name, variant: variant.toString(), symbol: doc.split(/\s+/)[0] || name }
  })
}
