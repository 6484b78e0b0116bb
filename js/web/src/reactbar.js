// One-click reactions under a post: a button per kind the chain knows (@agora/chain reads them
// from the metadata) with its count (none shown while it is 0, so a card stays quiet); the
// viewer's own reaction is pressed. Clicking another kind reacts or changes the reaction,
// clicking one's own takes it back. The bar refreshes itself from the chain after each change.

import { h, show } from './dom.js'
import { busy } from './app.js'

/**
 * A `div.reactbar` for post `id`; `counts` (by kind name) when the caller has them already.
 * `onChange()` runs after the viewer's reaction changed.
 */
export function reactionBar (app, id, { counts = null, onChange = () => {} } = {}) {
  const bar = h('div', { class: 'reactbar', role: 'group', 'aria-label': 'reactions' })
  async function load (known) {
    const [byKind, mine] = await Promise.all([
      known ?? app.chain.call('social_reactions', [id]),
      app.me ? app.chain.call('social_reactionOf', [id, app.me.address]) : null
    ])
    show(bar, app.kinds.map((kind) => button(kind, byKind[kind.name] ?? 0, mine === kind.name)))
  }
  function button ({ name, variant, symbol }, count, pressed) {
    const label = pressed ? `take back your ${name}` : name
    const element = h('button', {
      type: 'button',
      class: 'reaction',
      dataset: { kind: name },
      'aria-pressed': pressed ? 'true' : 'false',
      'aria-label': `${label} (${count})`,
      title: label,
      disabled: !app.me
    }, h('span', { 'aria-hidden': 'true' }, symbol), h('span', { class: 'n', 'aria-hidden': 'true' }, count ? ` ${count}` : ''))
    element.addEventListener('click', () => busy(app, element, async () => {
      const tx = pressed ? app.chain.api.tx.reactions.unreact(id) : app.chain.api.tx.reactions.react(id, variant)
      await app.send(tx, pressed ? 'Reaction taken back.' : 'Reaction saved.')
      await load(null)
      onChange()
    }))
    return element
  }
  load(counts).catch(() => show(bar, h('span', { class: 'muted' }, 'Reactions not available.')))
  return bar
}
