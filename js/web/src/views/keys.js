// This browser's own keys: unlock the one in use, show its recovery phrase after its password,
// or import another from its phrase. New keys are made on the Join page.

import { h } from '../dom.js'
import { lock } from '../accounts.js'
import { exportForm, importForm, unlockForm } from '../keyforms.js'

/** Forgets the unlocked pair now (on a shared computer, before walking away). */
function lockButton (app, reload) {
  return h('button', { type: 'button', class: 'lock', onclick: () => { lock(app.me); app.notify('Locked.'); reload() } }, 'lock it')
}

export async function keysView (app, reload) {
  const mine = app.accounts.filter((account) => account.kind === 'browser')
  const section = h('section', { class: 'keys' }, h('h1', {}, 'Keys in this browser'),
    mine.length === 0
      ? h('p', {}, 'None yet. ', h('a', { href: '#/join' }, 'Make one'), ' or import one below.')
      : h('ul', { class: 'key-list' }, mine.map((account) => h('li', {},
        h('strong', {}, account.name), ' ', h('code', {}, account.address), account.key ? ' (unlocked)' : ' (locked)'))))
  if (app.me?.kind === 'browser') {
    section.append(h('h2', {}, `${app.me.name}`),
      app.me.key ? h('p', {}, 'Unlocked until this page reloads, or until you ', lockButton(app, reload), '.') : unlockForm(app, app.me, reload),
      h('h3', {}, 'Recovery phrase'), exportForm(app, app.me))
  } else if (mine.length > 0) {
    section.append(h('p', {}, 'Choose one at the top of the page to unlock it or show its phrase.'))
  }
  section.append(h('h2', {}, 'Import a key'), importForm(app, reload))
  return section
}
