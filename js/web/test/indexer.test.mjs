// Notifications and search in a real browser (Debian's chromium via playwright-core) against a
// real dev node, IPFS daemon, PostgreSQL and indexer: Bob replies to Alice's post and follows
// her; Alice's header counts them, her Notifications page lists them with the reply's words and
// marks them read with her signature (the count goes back to none); the search box finds the
// post by a word of its body, by its hashtag, and Alice among people; a deleted post leaves the
// results at once. Screenshots (desktop and phone) go to js/web/screenshots/.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { PHONE, fitsPhone, go, refresh, screenshots, startTestbed, status } from './browser.mjs'

let bed, net, alice, bob
let postId

before(async () => {
  bed = await startTestbed({ indexer: true })
  net = bed.net
  alice = await signedIn('Alice')
  bob = await signedIn('Bob')
})

after(() => bed?.stop())

const signedIn = (name, options) => bed.signedIn(name, options)
const card = (id) => `article.post[data-post-id="${id}"]`

/** Searches from the header's box and waits for the new results page (not the one shown before). */
async function search (page, words) {
  await page.evaluate(() => document.querySelector('#view > section')?.setAttribute('data-old', ''))
  await page.fill('#search-q', words)
  await page.press('#search-q', 'Enter')
  await page.waitForSelector('#view > section.search:not([data-old]) :is(.results, .people)')
}

/** Shows `hash` again and again until `done(page)` holds: the indexer follows finalized blocks. */
async function until (page, hash, done) {
  await go(page, hash)
  for (let i = 0; i < 100; i++) {
    await refresh(page)
    await page.waitForFunction(() => !document.querySelector('.body[data-state=pending]'))
    if (await done(page)) return
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`${hash} never showed what the test waited for`)
}

test('Alice takes a handle and posts; Bob replies and follows her', async () => {
  await alice.fill('form.profile-form input[name=name]', 'Alice Liddell')
  await alice.click('form.profile-form button[type=submit]')
  await status(alice, /Profile saved/)
  await alice.fill('form.handle-form input[name=handle]', 'alice')
  await alice.click('form.handle-form button[type=submit]')
  await status(alice, /Your handle is @alice/)
  await go(alice, '#/', 'form.composer textarea[name=post]')
  await alice.fill('textarea[name=post]', 'Blackbirds singing before sunrise #dawnchorus')
  await alice.click('form.composer button[type=submit]')
  postId = Number((await status(alice, /Posted #\d+/)).match(/#(\d+)/)[1])

  await go(bob, `#/post/${postId}`, 'form.composer textarea')
  await bob.fill('form.composer textarea', 'A robin joined them here')
  await bob.click('form.composer button[type=submit]')
  await status(bob, /Reply posted|Posted/)
  await go(bob, '#/@alice', '.profile-header button.follow')
  await bob.click('.profile-header button.follow')
  await status(bob, /Following/)
})

test('Alice\'s header counts the reply and the follow; her Notifications page lists them and marks them read', async () => {
  await until(alice, '#/', async (page) => (await page.textContent('#nav-notifications')) === 'Notifications · 2')
  await go(alice, '#/notifications', '.notification-list')
  // The reply's words come from the chain's CID, through IPFS.
  await alice.waitForSelector('.notification[data-kind=reply] .excerpt .body[data-state=shown]')
  const items = await alice.$$eval('.notification', (list) => list.map((item) => ({
    kind: item.dataset.kind, unread: item.classList.contains('unread'), text: item.textContent
  })))
  assert.deepEqual(items.map((item) => [item.kind, item.unread]), [['follow', true], ['reply', true]])
  assert.match(items[1].text, new RegExp(`replied to your post #${postId}`))
  assert.match(items[1].text, /A robin joined them here/)
  await alice.screenshot({ path: `${screenshots}notifications.png` })
  // Opening the page signed the mark-read request: the indexer's marker moved.
  await alice.waitForFunction(() => document.getElementById('nav-notifications').textContent === 'Notifications')
  const { body } = await net.indexer.get(`/unread-count?account=${encodeURIComponent(net.alice.address)}`)
  assert.equal(body.unread, 0)
  await refresh(alice, '.notification-list')
  assert.equal(await alice.$('.notification.unread'), null)
})

test('the search box finds the post by a word; its hashtag links to the tag\'s posts; Alice is found among people', async () => {
  await search(bob, 'blackbirds')
  await bob.waitForSelector(`.search ${card(postId)}`)
  assert.match(await bob.textContent(`${card(postId)} .body:not([data-state=pending])`), /Blackbirds singing/)
  await bob.screenshot({ path: `${screenshots}search.png` })

  // The hashtag in the body is a link to its posts.
  await bob.click(`${card(postId)} .body a.tag`)
  await bob.waitForFunction(() => document.querySelector('.search h1')?.textContent === '#dawnchorus')
  await bob.waitForSelector(`.search .results ${card(postId)}`)

  // Discover names the hashtag among today's trending ones.
  await go(bob, '#/discover', '.trending a.tag')
  assert.match(await bob.textContent('.trending'), /#dawnchorus 1 post/)

  await search(bob, 'alice')
  await bob.click('.search .tabs a:has-text("People")')
  await bob.waitForSelector('.search .people .person')
  assert.match(await bob.textContent('.search .people'), /@alice/)

  await search(bob, 'nothingmatchesthis')
  assert.match(await bob.textContent('.search'), /No posts found/)
})

test('a deleted post leaves the results at once, though the indexer may not know yet', async () => {
  await go(alice, `#/post/${postId}`, `${card(postId)} button.delete`)
  await alice.click(`${card(postId)} button.delete`)
  await alice.click(`${card(postId)} button.confirm-delete`)
  await status(alice, /Post deleted/)
  await search(bob, 'blackbirds')
  assert.equal(await bob.$(`.search ${card(postId)}`), null)
})

test('the notifications and search pages fit a phone', async () => {
  const phone = await signedIn('Alice', { viewport: PHONE })
  await go(phone, '#/notifications', '.notification-list')
  await fitsPhone(phone, 'notifications')
  await search(phone, 'robin')
  await fitsPhone(phone, 'search')
  assert.deepEqual([...(phone.errors ?? []), ...(alice.errors ?? []), ...(bob.errors ?? [])], [])
  await phone.context().close()
})
