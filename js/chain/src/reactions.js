// The reaction kinds, read from the chain's metadata so they never drift from the runtime.

/**
 * The kinds `reactions.react` accepts (the variants of its `kind`), as
 * `{ name: 'love', variant: 'Love' }`.
 */
export function reactionKinds (api) {
  const field = api.tx.reactions.react.meta.fields.find((f) => f.name.unwrapOr('').toString() === 'kind')
  const def = api.registry.lookup.getSiType(field.type).def
  return def.asVariant.variants.map(({ name }) => ({ name: name.toString().toLowerCase(), variant: name.toString() }))
}
