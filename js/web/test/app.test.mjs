// The web app in a real browser (Debian's chromium, driven by playwright-core) against a real
// dev node and IPFS daemon: Alice sets a profile and handle and posts; Bob follows her, sees the
// post in his feed, reacts, replies, quotes and opens the thread (replies and quotes listed
// apart); Alice edits and deletes the post.
// A body carrying HTML stays text; a refused call shows the pallet's own words. Screenshots of
// the main pages go to js/web/screenshots/ (ignored by git; chosen ones are copied into
// docs/images/ on purpose).

import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { after, before, test } from 'node:test'

import { startNetwork } from '@agora/testnet'
import { chromium } from 'playwright-core'
import { build } from 'vite'

import { serve } from '../serve.mjs'

const web = fileURLToPath(new URL('..', import.meta.url))
const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url))
const CHROMIUM = process.env.AGORA_CHROMIUM ?? '/usr/bin/chromium'
// Headless, no sandbox (CI runs as root), and none of the background connections a closed
// network refuses.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

let net, site, browser, alice, bob
let postId

before(async () => {
  await build({ root: web, logLevel: 'warn' })
  net = await startNetwork()
  site = await serve({ node: net.url })
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS })
  alice = await signedIn('Alice')
  bob = await signedIn('Bob')
  mkdirSync(screenshots, { recursive: true })
})

after(async () => {
  await browser?.close()
  await site?.close()
  await net?.stop()
})

/** A page of its own (own storage) signed in as the dev account `name`. */
async function signedIn (name) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => { page.errors = [...(page.errors ?? []), error.message] })
  await page.goto(`${site.url}?node=${encodeURIComponent(net.url)}#/settings`)
  await page.waitForSelector('body[data-ready=true]')
  await page.selectOption('#account-select', { label: `${name} (dev account, public secret)` })
  await page.waitForSelector('form.profile-form')
  return page
}

async function go (page, hash, selector) {
  await page.evaluate((h) => { window.location.hash = h }, hash)
  await page.waitForFunction(() => !document.querySelector('#view > p.muted')?.textContent.startsWith('Loading'))
  if (selector) await page.waitForSelector(selector)
}

/** Waits until the status line says something matching `pattern`; returns it. */
async function status (page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('status').textContent), pattern.source)
  return page.textContent('#status')
}

const card = (id) => `article.post[data-post-id="${id}"]`

test('a link to another node asks first, and connects nowhere until the person agrees', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } })
  const page = await context.newPage()
  const sockets = []
  page.on('websocket', (socket) => sockets.push(socket.url()))
  const elsewhere = 'ws://127.0.0.1:1'
  await page.goto(`${site.url}?node=${encodeURIComponent(elsewhere)}#/`)
  await page.waitForSelector('section.node-confirm')
  assert.match(await page.textContent('section.node-confirm'), /ws:\/\/127\.0\.0\.1:1 instead of the node it came with/)
  assert.deepEqual(sockets, [], 'nothing was sent to either node before the answer')
  // Staying connects to the node the page was served for.
  await page.click('button.served-node')
  await page.waitForSelector('body[data-ready=true]')
  assert.deepEqual(sockets.map((url) => url.replace(/\/$/, '')), [net.url])
  await context.close()
})

test('Alice sets her profile and handle, and posts', async () => {
  await alice.fill('form.profile-form input[name=name]', 'Alice Liddell')
  await alice.fill('form.profile-form textarea[name=bio]', 'Curiouser and curiouser. <b>not bold</b>')
  await alice.click('form.profile-form button[type=submit]')
  await status(alice, /Profile saved/)
  await alice.fill('form.handle-form input[name=handle]', 'alice')
  await alice.click('form.handle-form button[type=submit]')
  await status(alice, /Your handle is @alice/)
  await alice.screenshot({ path: `${screenshots}settings.png` })

  await go(alice, '#/', 'form.composer textarea[name=post]')
  await alice.fill('textarea[name=post]', 'Hello from the browser')
  await alice.click('form.composer button[type=submit]')
  postId = Number((await status(alice, /Posted #\d+/)).match(/#(\d+)/)[1])
  await alice.fill('textarea[name=post]', '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>')
  await alice.click('form.composer button[type=submit]')
  await status(alice, new RegExp(`Posted #${postId + 1}`))
})

test('Bob finds @alice, follows her, and sees her posts in his feed, as text', async () => {
  await go(bob, '#/@alice', '.profile-header')
  assert.equal(await bob.textContent('.profile-name'), 'Alice Liddell')
  assert.match(await bob.textContent('.bio'), /<b>not bold<\/b>/)
  assert.equal(await bob.$('.bio b'), null)
  await bob.click('.profile-header button.follow')
  await status(bob, /Following\./)
  await bob.waitForSelector('.profile-header button.unfollow')
  assert.equal(await bob.textContent('.followers-count'), '1 followers')
  await bob.screenshot({ path: `${screenshots}profile.png` })

  await go(bob, '#/', card(postId))
  assert.equal(await bob.textContent(`${card(postId)} .body`), 'Hello from the browser')
  const hostile = card(postId + 1)
  assert.match(await bob.textContent(`${hostile} .body`), /<img src=x onerror=/)
  assert.equal(await bob.$(`${hostile} .body img`), null)
  assert.equal(await bob.$(`${hostile} .body script`), null)
  assert.equal(await bob.evaluate(() => window.pwned), undefined)
  assert.equal(await bob.textContent(`${card(postId)} .author`), '@alice')
  await bob.screenshot({ path: `${screenshots}feed.png` })
})

test('Bob reacts, replies, quotes and opens the thread', async () => {
  await bob.selectOption(`${card(postId)} select[name=reaction]`, 'Love')
  await bob.click(`${card(postId)} button.react`)
  await status(bob, /Reaction saved/)
  await bob.waitForSelector(`${card(postId)} .reactions`)
  assert.match(await bob.textContent(`${card(postId)} .reactions`), /1 love/)

  await go(bob, `#/post/${postId}`, 'textarea[name=reply]')
  await bob.fill('textarea[name=reply]', 'Nice to meet you, Alice')
  await bob.click('.thread > form.composer button[type=submit]')
  await status(bob, /Reply posted/)
  await bob.waitForSelector('.thread .replies .post .body')
  assert.equal(await bob.textContent('.thread .replies .post .body'), 'Nice to meet you, Alice')
  assert.match(await bob.textContent('.reactors'), /love/)
  assert.match(await bob.textContent(`${card(postId)} .counts`), /1 replies/)
  assert.match(await bob.textContent('.thread .quotes'), /Nobody quoted this post yet/)

  // A quote shows under the post it quotes, apart from the replies.
  await bob.click(`${card(postId)} button.quote`)
  await bob.fill(`${card(postId)} textarea[name=quote]`, 'Everyone, meet Alice')
  await bob.click(`${card(postId)} form.composer button[type=submit]`)
  await status(bob, /Quote posted/)
  await bob.waitForSelector('.thread .quotes .post .body')
  assert.equal(await bob.textContent('.thread .quotes .post .body'), 'Everyone, meet Alice')
  assert.match(await bob.textContent('.thread .quotes .post header'), new RegExp(`quoting #${postId}`))
  assert.match(await bob.textContent(`${card(postId)} .counts`), /1 quotes/)
  assert.equal(await bob.textContent('.thread .replies .post .body'), 'Nice to meet you, Alice')
  // The CID is there on demand.
  assert.equal(await bob.isVisible(`${card(postId)} .cid`), false)
  await bob.click(`${card(postId)} .actions button.link`)
  assert.match(await bob.textContent(`${card(postId)} .cid`), /^b[a-z2-7]+$/)
  await bob.screenshot({ path: `${screenshots}thread.png` })
})

test('a refused call shows the pallet\'s reason, and nothing changes', async () => {
  await go(bob, '#/settings', 'form.profile-form')
  await bob.fill('form.profile-form input[name=name]', 'Bob')
  await bob.click('form.profile-form button[type=submit]')
  await status(bob, /Profile saved/)
  await bob.fill('form.handle-form input[name=handle]', 'Alice')
  await bob.click('form.handle-form button[type=submit]')
  assert.match(await status(bob, /handle/i), /Another account holds this handle/)
  const holder = await net.rpc('social_profileByHandle', ['alice'])
  assert.equal(holder.account, net.alice.address)
})

test('Alice edits and then deletes her post', async () => {
  await go(alice, `#/post/${postId}`, `${card(postId)} button.edit`)
  await alice.click(`${card(postId)} button.edit`)
  await alice.fill(`${card(postId)} textarea[name=edit]`, 'Hello again from the browser')
  await alice.click(`${card(postId)} form.composer button[type=submit]`)
  await status(alice, /Post edited/)
  await alice.waitForFunction((selector) => document.querySelector(selector)?.textContent === 'Hello again from the browser', `${card(postId)} .body`)
  assert.match(await alice.textContent(`${card(postId)} header`), /edited 1×/)

  await alice.click(`${card(postId)} button.delete`)
  await alice.click(`${card(postId)} button.confirm-delete`)
  await status(alice, /Post deleted/)
  await alice.waitForFunction(() => /does not exist/.test(document.getElementById('view').textContent))
  assert.equal(await net.rpc('social_post', [postId]), null)
  assert.deepEqual([...(alice.errors ?? []), ...(bob.errors ?? [])], [])
})
