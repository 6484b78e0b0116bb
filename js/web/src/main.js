// Agora in a browser. Hash routes: #/ home feed, #/discover everyone's latest posts,
// #/u/<address or @handle> a profile, #/post/<id> a thread, #/settings account and profile,
// #/me one's own profile, #/join a newcomer's first steps (a key, a sponsor, a name, a post),
// #/invite?to=<address> offering to sponsor someone, #/keys this browser's own keys,
// #/access app keys, recovery and acting for another account, #/sponsorship who pays for whom,
// #/messages private messages and #/messages/<address or @handle> one conversation,
// #/notifications and #/search?q=… (from the indexer, when the page was served with one).
// The latest navigation wins: a slower earlier load that finishes after it is dropped, never
// shown.

import { UserError, actFor, connect, indexerClient, reactionKinds } from '@agora/chain'

import { h, show } from './dom.js'
import { createApp } from './app.js'
import { chooseNode, confirmNode, servedConfig } from './node.js'
import { accessView } from './views/access.js'
import { sponsorshipView } from './views/sponsorship.js'
import { loadAccounts, remember, rememberedAddress } from './accounts.js'
import { discoverView } from './views/discover.js'
import { feedView } from './views/feed.js'
import { inviteView } from './views/invite.js'
import { joinView } from './views/join.js'
import { keysView } from './views/keys.js'
import { conversationView, messagesView } from './views/messages.js'
import { notificationsView } from './views/notifications.js'
import { searchView } from './views/search.js'
import { unreadCount } from './messaging.js'
import { profileView } from './views/profile.js'
import { settingsView } from './views/settings.js'
import { threadView } from './views/thread.js'

const view = document.getElementById('view')

function accountPicker (app) {
  const acting = app.me?.kind === 'acting' ? app.me : null
  const select = h('select', { id: 'account-select', 'aria-label': 'account' },
    h('option', { value: '' }, 'Choose an account…'),
    app.accounts.map((account) => h('option', { value: account.address, selected: !acting && account.address === app.me?.address }, account.name)),
    acting ? h('option', { value: 'acting', selected: true }, acting.name) : null)
  select.addEventListener('change', () => {
    if (select.value === 'acting') return
    app.me = app.accounts.find((account) => account.address === select.value) ?? null
    if (app.me) remember(app.me.address)
    route(app)
  })
  return select
}

/** Counts navigations: a load may show its page only while it is still the latest one. */
let navigations = 0

async function route (app) {
  const navigation = ++navigations
  const current = () => navigation === navigations
  // The query is split off before decoding, so a search for "a&b" stays one parameter.
  const [rawPath, query] = window.location.hash.replace(/^#/, '').split('?')
  const path = decodeURIComponent(rawPath) || '/'
  const params = new URLSearchParams(query ?? '')
  const reload = () => route(app)
  show(view, h('p', { class: 'muted' }, 'Loading…'))
  markCurrentLink(path)
  app.refreshCounts(current)
  const box = document.getElementById('search-q')
  if (box && path === '/search') box.value = params.get('q') ?? ''
  try {
    let content
    if (path === '/') content = await feedView(app, reload)
    else if (path === '/discover') content = await discoverView(app, reload)
    else if (path === '/settings') content = await settingsView(app, reload)
    else if (path === '/join') content = await joinView(app, current)
    else if (path === '/invite') content = await inviteView(app, params.get('to'))
    else if (path === '/keys') content = await keysView(app, reload)
    else if (path === '/access') content = await accessView(app, reload)
    else if (path === '/sponsorship') content = await sponsorshipView(app, reload)
    else if (path === '/messages') content = await messagesView(app, reload)
    else if (path.startsWith('/messages/')) content = await conversationView(app, path.slice(10), reload)
    else if (path === '/notifications') content = await notificationsView(app, reload)
    else if (path === '/search') content = await searchView(app, params, reload)
    else if (path === '/me') {
      if (!app.me) throw new UserError('Choose an account first.')
      window.location.hash = `#/u/${app.me.address}`
      return
    } else if (path.startsWith('/u/')) content = await profileView(app, path.slice(3), reload)
    else if (path.startsWith('/@')) content = await profileView(app, path.slice(1), reload)
    else if (path.startsWith('/post/')) content = await threadView(app, path.slice(6), reload)
    else content = h('p', {}, 'There is no such page. ', h('a', { href: '#/' }, 'Home'))
    if (current()) show(view, content)
  } catch (error) {
    if (!current()) return
    show(view, h('p', { class: 'error' }, error instanceof UserError ? error.message : `Something went wrong: ${error.message}`))
    if (!(error instanceof UserError)) console.error(error)
  }
}

/** Sets a header link's text to `label`, with ` · count` when there are unread ones. */
function showCount (link, label, count) {
  link.textContent = count > 0 ? `${label} · ${count}` : label
  link.setAttribute('aria-label', count > 0 ? `${label}, ${count} unread` : label)
}

/**
 * The header's Messages and Notifications links say how many are unread ("Messages · 2"),
 * unless a later navigation (`current()` false) asked again since.
 */
function refreshCounts (app, current = () => true) {
  const messages = document.getElementById('nav-messages')
  const notifications = document.getElementById('nav-notifications')
  if (!app.me) {
    showCount(messages, 'Messages', 0)
    showCount(notifications, 'Notifications', 0)
    return
  }
  unreadCount(app).then((count) => current() && showCount(messages, 'Messages', count)).catch(() => {})
  app.indexer?.get('/unread-count', { account: app.me.address })
    .then(({ unread }) => current() && showCount(notifications, 'Notifications', unread)).catch(() => {})
}

/** The header's search box: its words go to #/search. */
function searchBox (app) {
  const input = h('input', { type: 'search', id: 'search-q', name: 'q', placeholder: 'Search posts, people, #tags', 'aria-label': 'Search posts, people and hashtags' })
  const form = h('form', { role: 'search', class: 'search-box' }, input)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (input.value.trim() === '') return
    const target = `#/search?${new URLSearchParams({ q: input.value.trim() })}`
    // The same search again looks again.
    if (window.location.hash === target) route(app)
    else window.location.hash = target
  })
  return form
}

/** Marks the header link of the page shown, for screen readers and the eye. */
function markCurrentLink (path) {
  for (const link of document.querySelectorAll('header#top nav a')) {
    if (link.getAttribute('href') === `#${path}`) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
}

/**
 * Asks the person whether to use `url`, a node the page was not served for; resolves to their
 * answer. Nothing is sent to that node before they say yes.
 */
function confirmOtherNode ({ url, served }) {
  return new Promise((resolve) => {
    const use = h('button', { type: 'button', class: 'use-node', onclick: () => resolve(true) }, `Use ${url}`)
    const back = h('button', { type: 'button', class: 'served-node', onclick: () => resolve(false) }, `Stay on ${served}`)
    show(view, h('section', { class: 'node-confirm' },
      h('h1', {}, 'Connect to another node?'),
      h('p', {}, 'This link asks the page to talk to ', h('code', {}, url), ' instead of the node it came with, ',
        h('code', {}, served), '. That node would see everything you do here and decide what you see. ',
        'Only continue if you trust it.'),
      h('p', {}, use, ' ', back)))
    use.focus()
  })
}

async function start () {
  const choice = await chooseNode()
  let url = choice.url
  if (!choice.confirmed) {
    if (await confirmOtherNode(choice)) confirmNode(url)
    else url = choice.served
  }
  let chain
  try {
    chain = await connect(url)
  } catch (error) {
    show(view, h('p', { class: 'error' }, error instanceof UserError ? error.message : `Cannot reach an Agora node at ${url}: ${error.message}`))
    return
  }
  const app = createApp(chain, await loadAccounts(chain), reactionKinds(chain.api))
  const { indexer } = await servedConfig()
  app.indexer = indexer ? indexerClient(indexer) : null
  app.refreshCounts = (current) => refreshCounts(app, current)
  document.getElementById('nav-notifications').hidden = !app.indexer
  if (app.indexer) document.getElementById('search').append(searchBox(app))
  app.me = app.accounts.find((account) => account.address === rememberedAddress()) ?? null
  const drawPicker = () => show(document.getElementById('account'), accountPicker(app),
    chain.isDev ? h('span', { class: 'chain-badge' }, 'development chain') : null)
  /**
   * Acts for `account` from now on, signing with the chosen key as its app key or heir; a
   * UserError when the key may not (checked on chain first).
   */
  app.actFor = async (account) => {
    const signer = app.me?.kind === 'acting' ? app.me.signer : app.me
    if (!signer) throw new UserError('Choose your own account first.')
    if (!signer.key) throw new UserError('Your key is locked: unlock it with its password (Keys).')
    if (account === signer.address) throw new UserError('That is this key\'s own account.')
    await actFor(chain.api, chain.api.tx.system.remark('0x'), signer.address, account)
    const name = await app.displayName(account)
    app.me = { address: account, name: `${name} (through ${signer.name.replace(/ \(.*\)$/, '')})`, kind: 'acting', key: signer.key, signer, messages: null }
    drawPicker()
  }
  /** Signs with `account` from now on (a key just made or imported joins the list). */
  app.use = (account) => {
    if (!app.accounts.includes(account)) app.accounts.push(account)
    app.me = account
    remember(account.address)
    drawPicker()
  }
  drawPicker()
  window.addEventListener('hashchange', () => {
    app.forgetError()
    route(app)
  })
  await route(app)
  document.body.dataset.ready = 'true'
}

start()
