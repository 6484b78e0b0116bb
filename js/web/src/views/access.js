// Keys and recovery (#/access): who else may act for the signed-in account, and how friends
// give it back when its key is lost.
// - App keys (pallet-proxy): add a key (social: posts, follows, reactions, until a date if it
//   expires; full: everything), list them, revoke one at once.
// - Recovery (pallet-recovery): name friends, how many must vouch, an heir and a delay; see its
//   state; close it. As a friend: vouch for a lost account. As its heir: claim it.
// - Acting for an account: a key that is an app key or the heir of another account signs for
//   it from here on (app.actFor); every page then shows and acts as that account.

import { h, show } from '../dom.js'
import { busy } from '../app.js'
import { accountLink } from '../post.js'
import { UserError, appKeys, claimCall, claimDiscarded, proxyType, recoveryStatus, removeKeyCalls, setupCall, vouchCall } from '@agora/chain'

/** Blocks per day at the runtime's slot duration (its Aura API; 6 s on Agora). */
async function blocksPerDay (api) {
  const ms = (await api.call.auraApi.slotDuration()).toNumber()
  return Math.round(86_400_000 / ms)
}

let fields = 0
/** A labelled input: `[label, input]`. */
function field (text, attributes) {
  const id = `access-${++fields}`
  return [h('label', { for: id }, text), h('input', { id, autocomplete: 'off', spellcheck: 'false', ...attributes })]
}

async function appKeysSection (app, perDay, reload) {
  const { api } = app.chain
  const [{ keys }, best] = await Promise.all([appKeys(api, app.me.address), api.query.system.number()])
  const now = best.toNumber()
  const list = keys.length === 0
    ? h('p', { class: 'muted' }, 'No app keys: only this account\'s own key acts for it.')
    : h('ul', { class: 'app-keys' }, keys.map((key) => {
      const revoke = h('button', { type: 'button', class: 'revoke-key danger' }, 'Revoke')
      revoke.addEventListener('click', () => busy(app, revoke, async () => {
        for (const call of await removeKeyCalls(api, app.me.address, key.key)) await app.send(call, 'Key revoked: it can no longer act for you.')
        reload()
      }))
      const expiry = key.until === null
        ? ''
        : key.until <= now ? ' · expired' : ` · until block ${key.until} (in about ${Math.max(1, Math.round((key.until - now) / perDay))} days)`
      return h('li', { dataset: { key: key.key } }, accountLink(app, key.key), ' ',
        h('span', { class: 'key-type' }, key.type === 'full' ? 'full control' : 'social: posts, follows, reactions'), expiry, ' ', revoke)
    }))
  const [keyLabel, keyInput] = field('The key (an address, or @handle)', { name: 'app-key', required: true })
  const type = h('select', { id: 'app-key-type', name: 'type' },
    h('option', { value: 'social' }, 'Social: posts, follows and reactions only'),
    h('option', { value: 'full' }, 'Full control: everything this account can do'))
  const [daysLabel, days] = field('Expires after (days; empty: never; social keys only)', { name: 'days', inputmode: 'numeric' })
  const add = h('button', { type: 'submit' }, 'Add key')
  const form = h('form', { class: 'add-key-form' }, keyLabel, keyInput, h('label', { for: 'app-key-type' }, 'What it may do'), type, daysLabel, days, add)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, add, async () => {
      const key = await app.resolveAccount(keyInput.value.trim())
      let until = null
      if (days.value.trim() !== '') {
        if (!/^\d+$/.test(days.value.trim()) || Number(days.value) < 1) throw new UserError('Give the expiry as a whole number of days.')
        until = (await api.query.system.number()).toNumber() + Number(days.value) * perDay
      }
      await app.send(api.tx.proxy.addProxy(key, proxyType({ type: type.value, until }), 0), 'Key added: it can act for you now.')
      reload()
    })
  })
  return h('section', { class: 'app-keys-section' }, h('h2', {}, 'App keys'),
    h('p', { class: 'muted' }, 'Keys of other devices or apps that may act for this account. Revoking one takes effect at once.'),
    list, form)
}

function stateText (app, state) {
  if (state.friendGroups.length === 0) return h('p', { class: 'muted recovery-state' }, 'Recovery is not set up.')
  const group = state.friendGroups[0]
  return h('div', { class: 'recovery-state' },
    h('p', {}, `${group.threshold} of these friends must vouch: `,
      group.friends.map((friend, i) => [i ? ', ' : '', accountLink(app, friend)]),
      '. Then, after ', `${group.delay} blocks`, ', the heir ', accountLink(app, group.heir), ' acts for the account.'),
    state.attempts.map((attempt) => h('p', { class: 'warning' },
      `A recovery is open: ${attempt.approvals} of ${attempt.threshold} friends vouched; the heir can claim from block ${attempt.claimableAt} (now ${state.block}). `,
      'If you still have your key and did not ask for this, close recovery below.')),
    state.heir ? h('p', { class: 'warning' }, 'Recovered: ', accountLink(app, state.heir), ' acts for this account.') : null)
}

async function recoverySection (app, perDay, reload) {
  const { api } = app.chain
  const state = await recoveryStatus(api, app.me.address)
  const [friendsLabel, friends] = field('Friends (addresses or @handles, separated by spaces or commas)', { name: 'friends', required: true })
  const [thresholdLabel, threshold] = field('How many of them must vouch', { name: 'threshold', inputmode: 'numeric', value: '2', required: true })
  const [heirLabel, heir] = field('Heir: the key that takes over (an address, or @handle)', { name: 'heir', required: true })
  const [delayLabel, delay] = field(`Delay before the heir may act, in blocks (${perDay} a day)`, { name: 'delay', inputmode: 'numeric', value: String(perDay), required: true })
  const save = h('button', { type: 'submit' }, 'Set up recovery')
  const form = h('form', { class: 'recovery-form' }, friendsLabel, friends, thresholdLabel, threshold, heirLabel, heir, delayLabel, delay, save)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, save, async () => {
      const named = friends.value.split(/[\s,]+/).filter(Boolean)
      const resolved = await Promise.all(named.map((who) => app.resolveAccount(who)))
      const number = (input, what) => {
        if (!/^\d+$/.test(input.value.trim())) throw new UserError(`${what} must be a whole number.`)
        return Number(input.value.trim())
      }
      const call = setupCall(api, {
        friends: resolved,
        threshold: number(threshold, 'How many must vouch'),
        heir: await app.resolveAccount(heir.value.trim()),
        delay: number(delay, 'The delay')
      })
      await app.send(call, 'Recovery set up.')
      reload()
    })
  })
  const section = h('section', { class: 'recovery-section' }, h('h2', {}, 'Recovery'),
    h('p', { class: 'muted' }, 'If you lose your key, friends you name vouch for you, and after a delay your heir (a new key of yours) acts for this account: same address, handle, posts and followers.'),
    stateText(app, state))
  if (state.friendGroups.length > 0 || state.heir) {
    const close = h('button', { type: 'button', class: 'close-recovery danger' }, 'Close recovery')
    close.addEventListener('click', () => busy(app, close, async () => {
      if (state.heir) await app.send(api.tx.recovery.revokeInheritor(), 'The heir no longer acts for you.')
      if (state.friendGroups.length > 0) await app.send(api.tx.recovery.setFriendGroups([]), 'Recovery closed.')
      reload()
    }))
    section.append(h('p', {}, close))
  }
  section.append(h('h3', {}, state.friendGroups.length > 0 ? 'Change it' : 'Set it up'), form)
  return section
}

/** As a friend or an heir: vouch for a lost account, or claim it. */
function forOthersSection (app, reload) {
  const { api } = app.chain
  const [lostLabel, lost] = field('The lost account (an address, or @handle)', { name: 'lost', required: true })
  const outcome = h('div', { class: 'lost-state' })
  const vouch = h('button', { type: 'button', class: 'vouch' }, 'Vouch for it')
  const claim = h('button', { type: 'button', class: 'claim' }, 'Claim it as its heir')
  const lookUp = async () => recoveryStatus(api, await app.resolveAccount(lost.value.trim()))
  vouch.addEventListener('click', () => busy(app, vouch, async () => {
    const state = await lookUp()
    await app.send(vouchCall(api, state, app.me.address), 'You vouched.')
    show(outcome, stateText(app, await recoveryStatus(api, state.account)))
  }))
  claim.addEventListener('click', () => busy(app, claim, async () => {
    const state = await lookUp()
    const events = await app.send(claimCall(api, state, app.me.address), 'Recovered: you are its heir.')
    const discarded = claimDiscarded(events)
    if (discarded) throw new UserError(discarded)
    show(outcome, h('p', {}, 'You can now act for it: ', actButton(app, state.account)))
  }))
  return h('section', { class: 'lost-section' }, h('h2', {}, 'A friend lost their key'),
    h('form', { class: 'lost-form', onsubmit: (event) => event.preventDefault() }, lostLabel, lost, h('p', {}, vouch, ' ', claim)), outcome)
}

function actButton (app, account) {
  const act = h('button', { type: 'button', class: 'act-for' }, 'Act for it')
  act.addEventListener('click', () => busy(app, act, async () => {
    await app.actFor(account)
    window.location.hash = '#/'
  }))
  return act
}

function actingSection (app) {
  const [label, input] = field('The account (an address, or @handle)', { name: 'act-for', required: true })
  const act = h('button', { type: 'submit' }, 'Act for it')
  const form = h('form', { class: 'act-form' }, label, input, act)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, act, async () => {
      await app.actFor(await app.resolveAccount(input.value.trim()))
      window.location.hash = '#/'
    })
  })
  return h('section', { class: 'acting-section' }, h('h2', {}, 'Act for another account'),
    h('p', { class: 'muted' }, 'If this key is an app key of another account, or the heir of a recovered one, it can sign for that account: posts, follows and reactions (and everything, for a full key).'),
    form)
}

export async function accessView (app, reload) {
  const section = h('section', { class: 'access' }, h('h1', {}, 'Keys and recovery'))
  if (!app.me) {
    section.append(h('p', {}, 'Choose an account at the top of the page.'))
    return section
  }
  if (app.me.kind === 'acting') {
    section.append(h('p', {}, 'You are acting for ', accountLink(app, app.me.address), ' through ', h('strong', {}, app.me.signer.name),
      '. Choose your own account at the top of the page to manage its keys.'))
    return section
  }
  const perDay = await blocksPerDay(app.chain.api)
  section.append(await appKeysSection(app, perDay, reload), await recoverySection(app, perDay, reload), forOthersSection(app, reload), actingSection(app))
  return section
}
