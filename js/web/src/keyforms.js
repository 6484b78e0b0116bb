// The forms around a key made in this browser: create one (the recovery phrase shown once, then
// three of its words typed back, so nobody leaves without a copy), unlock it with its password,
// import one from its phrase, and show its phrase again after the password. Each field has a
// label bound to it.

import { mnemonicGenerate } from '@polkadot/util-crypto'

import { h, show } from './dom.js'
import { busy } from './app.js'
import { browserAccount, pairFromPhrase, unlock, useSecret } from './accounts.js'
import { openKey, storeKey } from './keystore.js'
import { UserError } from '@agora/chain'

let fields = 0
/** A labelled input: `[label, input]`, bound by a fresh id. */
function field (text, attributes) {
  const id = `f${++fields}`
  return [h('label', { for: id }, text), h('input', { id, ...attributes })]
}

/** Name and password (twice) fields, and a check that reads them. */
function namePassword () {
  const [nameLabel, name] = field('A name for this key (only you see it)', { name: 'key-name', maxlength: 40, value: 'My key', required: true })
  const [passLabel, password] = field('Password (at least 8 characters; it locks the key in this browser)', { name: 'password', type: 'password', autocomplete: 'new-password', required: true })
  const [againLabel, again] = field('The password again', { name: 'password-again', type: 'password', autocomplete: 'new-password', required: true })
  return {
    nodes: [nameLabel, name, passLabel, password, againLabel, again],
    read () {
      if (password.value.length < 8) throw new UserError('Choose a password of at least 8 characters.')
      if (password.value !== again.value) throw new UserError('The two passwords differ.')
      return { name: name.value.trim() || 'My key', password: password.value }
    }
  }
}

/** Stores `phrase`'s key under the password and signs with it from now on. */
async function keep (app, phrase, { name, password }) {
  const pair = pairFromPhrase(phrase)
  await storeKey({ address: pair.address, name, phrase: phrase.trim().split(/\s+/).join(' '), password })
  const account = app.accounts.find((a) => a.address === pair.address && a.kind === 'browser') ?? browserAccount({ address: pair.address, name })
  useSecret(account, phrase)
  app.use(account)
  return account
}

/** A form that makes a new key; `onDone(account)` once it is stored and unlocked. */
export function createKeyForm (app, onDone) {
  const box = h('div', { class: 'create-key' })
  const details = namePassword()
  const button = h('button', { type: 'submit' }, 'Create my key')
  const form = h('form', { class: 'create-key-form' }, details.nodes, button)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, button, async () => showPhrase(details.read(), mnemonicGenerate(12)))
  })

  function showPhrase (choice, phrase) {
    const words = phrase.split(' ')
    const next = h('button', { type: 'button', class: 'wrote-it' }, 'I wrote it down')
    next.addEventListener('click', () => confirm(choice, phrase))
    show(box, h('h2', {}, 'Your recovery phrase'),
      h('p', {}, 'Write these 12 words down on paper, in this order, and keep them safe. They are the key: ',
        'whoever has them controls your account, and without them a lost password or browser loses it. ',
        'This page shows them only now; nobody, Agora included, can show them to you again without your password.'),
      h('ol', { class: 'phrase' }, words.map((word) => h('li', {}, word))), next)
    app.notify('')
  }

  function confirm (choice, phrase) {
    const words = phrase.split(' ')
    const asked = pickThree(words.length)
    const inputs = asked.map((i) => field(`Word ${i + 1}`, { name: `word-${i + 1}`, 'data-word': i, autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', required: true }))
    const done = h('button', { type: 'submit' }, 'Confirm')
    const back = h('button', { type: 'button', class: 'back' }, 'Show the phrase again')
    back.addEventListener('click', () => showPhrase(choice, phrase))
    const check = h('form', { class: 'confirm-phrase' }, inputs, h('p', {}, done, ' ', back))
    check.addEventListener('submit', (event) => {
      event.preventDefault()
      busy(app, done, async () => {
        for (const [, input] of inputs) {
          const i = Number(input.dataset.word)
          if (input.value.trim().toLowerCase() !== words[i]) throw new UserError(`Word ${i + 1} is not the one shown: look at what you wrote down.`)
        }
        const account = await keep(app, phrase, choice)
        app.notify('Your key is made and stored in this browser, locked by your password.')
        onDone(account)
      })
    })
    show(box, h('h2', {}, 'Check your copy'), h('p', {}, 'Type these words from the phrase you wrote down.'), check)
    inputs[0][1].focus()
  }

  show(box, form)
  return box
}

/** Three different positions of `n`, in order. */
function pickThree (n) {
  const picked = new Set()
  while (picked.size < 3) picked.add(crypto.getRandomValues(new Uint32Array(1))[0] % n)
  return [...picked].sort((a, b) => a - b)
}

/** A password form that unlocks `account`; `onDone()` after. */
export function unlockForm (app, account, onDone) {
  const [label, password] = field(`Password of ${account.name}`, { name: 'unlock-password', type: 'password', autocomplete: 'current-password', required: true })
  const button = h('button', { type: 'submit' }, 'Unlock')
  const form = h('form', { class: 'unlock-form' }, h('p', {}, 'This key is locked.'), label, password, button)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, button, async () => {
      await unlock(account, password.value)
      password.value = ''
      app.notify('Unlocked.')
      onDone()
    })
  })
  return form
}

/** A form that imports a key from its recovery phrase. */
export function importForm (app, onDone) {
  const id = `f${++fields}`
  const phrase = h('textarea', { id, name: 'phrase', rows: 2, autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', required: true })
  const details = namePassword()
  const button = h('button', { type: 'submit' }, 'Import')
  const form = h('form', { class: 'import-form' }, h('label', { for: id }, 'Recovery phrase (12 or 24 words)'), phrase, details.nodes, button)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, button, async () => {
      const account = await keep(app, phrase.value, details.read())
      phrase.value = ''
      app.notify(`Imported ${account.address}.`)
      onDone(account)
    })
  })
  return form
}

/** Shows `account`'s recovery phrase after its password. */
export function exportForm (app, account) {
  const [label, password] = field('Password', { name: 'export-password', type: 'password', autocomplete: 'current-password', required: true })
  const button = h('button', { type: 'submit' }, 'Show my recovery phrase')
  const out = h('div', { class: 'exported' })
  const form = h('form', { class: 'export-form' }, label, password, button, out)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, button, async () => {
      const words = (await openKey(account.address, password.value)).split(' ')
      password.value = ''
      const hide = h('button', { type: 'button' }, 'Hide')
      hide.addEventListener('click', () => show(out))
      show(out, h('ol', { class: 'phrase' }, words.map((word) => h('li', {}, word))), hide)
      app.notify('')
    })
  })
  return form
}
