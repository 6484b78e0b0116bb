// Agora in a browser. Hash routes: #/ home feed, #/discover everyone's latest posts,
// #/u/<address or @handle> a profile, #/post/<id> a thread, #/settings account and profile,
// #/me one's own profile, #/join a newcomer's first steps (a key, a sponsor, a name, a post),
// #/invite?to=<address> offering to sponsor someone, #/keys this browser's own keys. The latest navigation wins: a slower earlier load that finishes
// after it is dropped, never shown.

import { UserError, connect, reactionKinds } from '@agora/chain'

import { h, show } from './dom.js'
import { createApp } from './app.js'
import { chooseNode, confirmNode } from './node.js'
import { loadAccounts, remember, rememberedAddress } from './accounts.js'
import { discoverView } from './views/discover.js'
import { feedView } from './views/feed.js'
import { inviteView } from './views/invite.js'
import { joinView } from './views/join.js'
import { keysView } from './views/keys.js'
import { profileView } from './views/profile.js'
import { settingsView } from './views/settings.js'
import { threadView } from './views/thread.js'

const view = document.getElementById('view')

function accountPicker (app) {
  const select = h('select', { id: 'account-select', 'aria-label': 'account' },
    h('option', { value: '' }, 'Choose an account…'),
    app.accounts.map((account) => h('option', { value: account.address, selected: account.address === app.me?.address }, account.name)))
  select.addEventListener('change', () => {
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
  const path = decodeURIComponent(window.location.hash.replace(/^#/, '')) || '/'
  const [page, query] = path.split('?')
  const params = new URLSearchParams(query ?? '')
  const reload = () => route(app)
  show(view, h('p', { class: 'muted' }, 'Loading…'))
  markCurrentLink(page)
  try {
    let content
    if (path === '/') content = await feedView(app, reload)
    else if (path === '/discover') content = await discoverView(app, reload)
    else if (path === '/settings') content = await settingsView(app, reload)
    else if (page === '/join') content = await joinView(app, current)
    else if (page === '/invite') content = await inviteView(app, params.get('to'))
    else if (path === '/keys') content = await keysView(app, reload)
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
  app.me = app.accounts.find((account) => account.address === rememberedAddress()) ?? null
  const drawPicker = () => show(document.getElementById('account'), accountPicker(app),
    chain.isDev ? h('span', { class: 'chain-badge' }, 'development chain') : null)
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
