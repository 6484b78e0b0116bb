// The web app in a real browser (Debian's chromium, driven by playwright-core) against a real
// dev node and IPFS daemon: Alice sets a profile (with a picture whose metadata never leaves
// the browser) and handle and posts; Bob follows her, sees the post in his feed, reacts with
// one click, reposts, replies, quotes (the quote embeds the post) and opens the thread (replies
// and quotes listed apart); Alice edits and deletes the post.
// A body carrying HTML stays text; a refused call shows the pallet's own words; a body IPFS
// cannot find holds nothing up; the latest navigation wins over a slower earlier one; a
// newcomer finds people on Discover; every page fits a phone's width. Screenshots of the main
// pages, desktop and phone size, go to js/web/screenshots/ (ignored by git; chosen ones are
// copied into docs/images/ on purpose).

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { hexToU8a } from '@polkadot/util'

import { pngWithComment } from './png.mjs'
import { go, screenshots, startTestbed, status } from './browser.mjs'

/** What the picture's metadata says, which must not leave the browser. */
const PICTURE_SECRET = 'taken at 51.5007 N 0.1246 W with a Pixel 9'

let bed, net, dev, alice, bob
let postId

before(async () => {
  bed = await startTestbed()
  net = bed.net
  dev = bed.dev
  alice = await signedIn('Alice')
  bob = await signedIn('Bob')
})

after(() => bed?.stop())

/** A fresh browser signed in as the dev account `name`. */
const signedIn = (name, options) => bed.signedIn(name, options)

const card = (id) => `article.post[data-post-id="${id}"]`

/** The text of post `id`'s body once it arrived (or said it cannot), in `scope`. */
async function bodyText (page, id, scope = '#view') {
  const selector = `${scope} ${card(id)} .body:not([data-state=pending])`
  await page.waitForSelector(selector)
  return page.textContent(selector)
}

test('a link to another node asks first, and connects nowhere until the person agrees', async () => {
  const context = await bed.browser.newContext({ viewport: { width: 1000, height: 900 } })
  const page = await context.newPage()
  const sockets = []
  page.on('websocket', (socket) => sockets.push(socket.url()))
  const elsewhere = 'ws://127.0.0.1:1'
  await page.goto(`${bed.site.url}?node=${encodeURIComponent(elsewhere)}#/`)
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
  const picture = pngWithComment(400, 300, PICTURE_SECRET)
  assert.ok(picture.includes(PICTURE_SECRET), 'the file carries the secret (the control)')
  await alice.setInputFiles('#profile-picture', { name: 'me.png', mimeType: 'image/png', buffer: picture })
  await alice.waitForSelector('.picture-preview img')
  await alice.click('form.profile-form button[type=submit]')
  await status(alice, /Profile saved/)
  // The document on IPFS holds a small re-encoded picture, without the file's metadata.
  const { metadata } = await net.rpc('social_profile', [dev.Alice.address])
  const doc = JSON.parse(Buffer.from(hexToU8a(await net.rpc('content_get', [metadata]))).toString())
  assert.match(doc.avatar, /^data:image\/(webp|jpeg);base64,/)
  assert.ok(doc.avatar.length < 24 * 1024)
  assert.ok(!Buffer.from(doc.avatar.split(',')[1], 'base64').includes(PICTURE_SECRET))
  assert.ok(!JSON.stringify(doc).includes(PICTURE_SECRET))
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
  // Her own posts are in her home feed, though she follows nobody.
  await alice.waitForSelector(`#feed ${card(postId + 1)}`)
  assert.equal(await bodyText(alice, postId, '#feed'), 'Hello from the browser')
})

test('Bob finds @alice, follows her, and sees her posts in his feed, as text', async () => {
  await go(bob, '#/@alice', '.profile-header')
  await bob.waitForSelector('.profile-doc[data-state=shown]')
  assert.equal(await bob.textContent('.profile-name'), 'Alice Liddell')
  await bob.waitForSelector('.profile-header .avatar img')
  assert.equal(await bob.$eval('.profile-header .avatar img', (img) => img.complete && img.naturalWidth), 128)
  assert.match(await bob.textContent('.bio'), /<b>not bold<\/b>/)
  assert.equal(await bob.$('.bio b'), null)
  await bob.click('.profile-header button.follow')
  await status(bob, /Following\./)
  await bob.waitForSelector('.profile-header button.unfollow')
  assert.equal(await bob.textContent('.followers-count'), '1 followers')
  await bob.screenshot({ path: `${screenshots}profile.png` })

  await go(bob, '#/', card(postId))
  assert.equal(await bodyText(bob, postId), 'Hello from the browser')
  const hostile = card(postId + 1)
  assert.match(await bodyText(bob, postId + 1), /<img src=x onerror=/)
  assert.equal(await bob.$(`${hostile} .body img`), null)
  assert.equal(await bob.$(`${hostile} .body script`), null)
  assert.equal(await bob.evaluate(() => window.pwned), undefined)
  await bob.waitForFunction((selector) => document.querySelector(selector)?.textContent === '@alice', `${card(postId)} .author`)
  await bob.screenshot({ path: `${screenshots}feed.png` })
})

test('Bob reacts with one click, and takes it back with another', async () => {
  const love = `${card(postId)} button.reaction[data-kind=love]`
  await bob.waitForSelector(`${love}[aria-pressed=false]`)
  assert.equal(await bob.textContent(`${love} .n`), '')
  await bob.click(love)
  await status(bob, /Reaction saved/)
  await bob.waitForSelector(`${love}[aria-pressed=true]`)
  assert.equal(await bob.textContent(`${love} .n`), ' 1')
  assert.equal(await bob.getAttribute(love, 'aria-label'), 'take back your love (1)')
  assert.equal(await net.rpc('social_reactionOf', [postId, dev.Bob.address]), 'love')
  // Another kind changes the reaction; one's own kind again takes it back.
  const like = `${card(postId)} button.reaction[data-kind=like]`
  await bob.click(like)
  await bob.waitForSelector(`${like}[aria-pressed=true]`)
  assert.equal(await bob.textContent(`${love} .n`), '')
  await bob.click(like)
  await status(bob, /Reaction taken back/)
  await bob.waitForSelector(`${like}[aria-pressed=false]`)
  assert.equal(await net.rpc('social_reactionOf', [postId, dev.Bob.address]), null)
  await bob.click(love)
  await bob.waitForSelector(`${love}[aria-pressed=true]`)
})

test('a card says when it was posted, with the full date on hover', async () => {
  const time = `${card(postId)} header time[datetime]`
  await bob.waitForSelector(time)
  assert.match(await bob.textContent(time), /^(just now|\d+ (min|h|days?) ago)$/)
  const [datetime, title] = await bob.$eval(time, (t) => [t.dateTime, t.title])
  // The block's own timestamp (the dev chain's clock starts two hours back and advances a
  // slot per block, so it is not the wall clock).
  const { createdAt } = await net.rpc('social_post', [postId])
  const at = await net.api.at(await net.api.rpc.chain.getBlockHash(createdAt))
  assert.equal(Date.parse(datetime), (await at.query.timestamp.now()).toNumber())
  assert.match(title, new RegExp(String(new Date(datetime).getFullYear())))
})

test('Bob reposts with one button; the repost card shows the post, never "null"', async () => {
  await bob.click(`#feed ${card(postId)} button.repost`)
  await status(bob, /Reposted\./)
  const repost = '#feed article.post.repost'
  await bob.waitForSelector(`${repost} ${card(postId)} .body[data-state=shown]`)
  const text = await bob.textContent(repost)
  assert.doesNotMatch(text, /null|undefined/)
  assert.match(text, /reposted/)
  assert.match(text, /Hello from the browser/)
  await bob.waitForSelector(`${repost} ${card(postId)} button.repost[aria-pressed=true]`)
  assert.match(await bob.textContent(`${repost} ${card(postId)} button.repost`), /Reposted · 1/)
  const post = await net.rpc('social_post', [postId])
  assert.equal(post.reposts, 1)
  await bob.screenshot({ path: `${screenshots}feed-repost.png` })
})

test('Bob replies, quotes and opens the thread', async () => {
  await go(bob, `#/post/${postId}`, 'textarea[name=reply]')
  await bob.fill('textarea[name=reply]', 'Nice to meet you, Alice')
  await bob.click('.thread > form.composer button[type=submit]')
  await status(bob, /Reply posted/)
  await bob.waitForSelector('.thread .replies .post .body[data-state=shown]')
  assert.equal(await bob.textContent('.thread .replies .post .body[data-state=shown]'), 'Nice to meet you, Alice')
  await bob.waitForSelector('.reactors ul')
  assert.match(await bob.textContent('.reactors'), /love/)
  assert.match(await bob.textContent(`${card(postId)} .counts`), /1 replies/)
  assert.match(await bob.textContent('.thread .quotes'), /Nobody quoted this post yet/)

  // A quote shows under the post it quotes, apart from the replies.
  await bob.click(`${card(postId)} button.quote`)
  await bob.fill(`${card(postId)} textarea[name=quote]`, 'Everyone, meet Alice')
  await bob.click(`${card(postId)} form.composer button[type=submit]`)
  await status(bob, /Quote posted/)
  await bob.waitForSelector('.thread .quotes .post > .body[data-state=shown]')
  assert.equal(await bob.textContent('.thread .quotes .post > .body[data-state=shown]'), 'Everyone, meet Alice')
  // The quote embeds the post it quotes.
  await bob.waitForSelector('.thread .quotes .post blockquote.quoted .body[data-state=shown]')
  assert.equal(await bob.textContent('.thread .quotes .post blockquote.quoted .body'), 'Hello from the browser')
  assert.match(await bob.textContent('.thread .quotes .post header'), new RegExp(`quoting #${postId}`))
  assert.match(await bob.textContent(`${card(postId)} .counts`), /1 quotes/)
  assert.equal(await bob.textContent('.thread .replies .post .body[data-state=shown]'), 'Nice to meet you, Alice')
  // The CID is there on demand.
  assert.equal(await bob.isVisible(`${card(postId)} .cid`), false)
  await bob.click(`${card(postId)} .actions button.show-cid`)
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

/** Posts `text`'s CID as `who` without ever uploading the bytes: IPFS cannot find the body. */
async function postUnavailable (who, text) {
  const bytes = new TextEncoder().encode(text)
  const cid = await net.ipfs.add(bytes, { onlyHash: true })
  const { events } = await net.submitAs({ pair: who }, net.withSize(net.api.tx.posts.createPost, [cid], bytes.length))
  return events.find((e) => e.method === 'PostCreated').data.postId
}

test('a body IPFS cannot find holds nothing up: the page shows, that card says so', async () => {
  const missing = await postUnavailable(dev.Alice, 'never uploaded')
  const started = Date.now()
  await go(bob, '#/', card(missing))
  // The page and the other posts' texts are there before the node gives up on IPFS (5 s).
  assert.equal(await bodyText(bob, postId), 'Hello from the browser')
  assert.ok(Date.now() - started < 4000, `the page took ${Date.now() - started} ms`)
  assert.equal(await bob.getAttribute(`#feed > .posts > ${card(missing)} .body`, 'data-state'), 'pending')
  assert.match(await bob.textContent(`#feed > .posts > ${card(missing)} .body`), /Fetching/)
  await bob.screenshot({ path: `${screenshots}feed-pending.png` })
  assert.match(await bodyText(bob, missing, '#feed > .posts >'), /not available/)
  await net.submitAs({ pair: dev.Alice }, net.api.tx.posts.deletePost(missing))
})

test('the latest navigation wins over a slower earlier one', async () => {
  // Charlie's profile answers slowly: the node's reply to that one request is held 3 s on the
  // way to the page.
  const charlie = dev.Charlie.address
  const dave = dev.Dave.address
  const slow = new Set()
  const page = await signedIn('Charlie', {
    setup: (context) => context.routeWebSocket(/./, (ws) => {
      const server = ws.connectToServer()
      ws.onMessage((message) => {
        try {
          const request = JSON.parse(message)
          if (request.method === 'social_profile' && request.params?.[0] === charlie) slow.add(request.id)
        } catch {}
        server.send(message)
      })
      server.onMessage((message) => {
        let id = null
        try { id = JSON.parse(message).id } catch {}
        if (slow.has(id)) setTimeout(() => ws.send(message), 3000)
        else ws.send(message)
      })
    })
  })
  await page.evaluate(() => { window.location.hash = '#/me' })
  await page.waitForFunction((who) => window.location.hash === `#/u/${who}`, charlie)
  // Before Charlie's profile is there, the person switches to Dave and opens Dave's.
  await page.selectOption('#account-select', { label: 'Dave (dev account, public secret)' })
  await page.evaluate((who) => { window.location.hash = `#/u/${who}` }, dave)
  await page.waitForSelector(`.profile[data-account="${dave}"]`)
  assert.ok(slow.size >= 1, 'Charlie\'s profile was asked for')
  // The slow answers arrive; Dave's page stays.
  await page.waitForTimeout(3500)
  assert.equal(await page.$(`.profile[data-account="${charlie}"]`), null)
  assert.equal(await page.getAttribute('.profile', 'data-account'), dave)
  assert.ok(await page.$('.profile-header a.edit-profile'), 'Dave\'s own profile, his Edit button')
  assert.deepEqual(page.errors ?? [], [])
  await page.context().close()
})

test('a newcomer sees their own posts at home and finds others on Discover', async () => {
  const eve = await signedIn('Eve')
  await go(eve, '#/', 'form.composer textarea[name=post]')
  assert.match(await eve.textContent('#view .hint'), /You follow nobody yet/)
  await eve.fill('textarea[name=post]', 'First post, hello everyone')
  await eve.click('form.composer button[type=submit]')
  const mine = Number((await status(eve, /Posted #\d+/)).match(/#(\d+)/)[1])
  assert.equal(await bodyText(eve, mine, '#feed'), 'First post, hello everyone')

  await eve.click('header#top a#nav-discover')
  await eve.waitForSelector(`.discover ${card(postId)}`)
  assert.equal(await bodyText(eve, postId, '.discover'), 'Hello from the browser')
  assert.ok(await eve.$(`.discover ${card(mine)}`), 'her own post is there too')
  await eve.screenshot({ path: `${screenshots}discover.png` })
  // From a card to its author's profile.
  await eve.click(`.discover ${card(postId)} header a.author`)
  await eve.waitForSelector(`.profile[data-account="${dev.Alice.address}"] button.follow`)
  // People to follow: recent authors, the most followed first, never herself; following one
  // takes it off the list.
  await go(eve, '#/discover', '.suggested li')
  const suggested = await eve.$$eval('.suggested li', (items) => items.map((item) => item.dataset.account))
  assert.equal(suggested[0], dev.Alice.address)
  assert.ok(suggested.includes(dev.Bob.address))
  assert.ok(!suggested.includes(dev.Eve.address))
  assert.match(await eve.textContent('.suggested li:first-child'), /1 followers/)
  await eve.click(`.suggested li[data-account="${dev.Alice.address}"] button.follow`)
  await status(eve, /Following/)
  await eve.waitForFunction((alice) => document.querySelector('.suggested') && !document.querySelector(`.suggested li[data-account="${alice}"]`), dev.Alice.address)
  assert.deepEqual(eve.errors ?? [], [])
  await eve.context().close()
})

test('Discover pages with "Load more"', async () => {
  // Dave writes more than a page of posts.
  for (let i = 0; i < 21; i++) {
    const { cid, size } = await net.upload(`Dave's note ${i}`)
    await net.submitAs({ pair: dev.Dave }, net.withSize(net.api.tx.posts.createPost, [cid], size))
  }
  const page = await signedIn('Eve')
  const next = (await net.api.query.posts.nextPostId()).toNumber()
  await go(page, '#/discover', '.discover .posts')
  const ids = () => page.$$eval('.discover > .posts > article.post', (cards) => cards.map((c) => Number(c.dataset.postId)))
  const first = await ids()
  assert.equal(first[0], next - 1)
  assert.equal(first.length, 20)
  await page.click('.discover button.more')
  await page.waitForFunction(() => document.querySelectorAll('.discover > .posts').length === 2)
  const all = await ids()
  assert.ok(all.length > 20)
  assert.deepEqual(all, [...all].sort((a, b) => b - a), 'newest first, no repeats')
  assert.equal(new Set(all).size, all.length)
  await page.context().close()
})

test('every page fits a 390 px phone screen; the keyboard alone posts', async () => {
  const phone = await signedIn('Bob', { viewport: { width: 390, height: 844 } })
  const pages = [['#/', 'feed', '#feed .posts'], ['#/discover', 'discover', '.discover .posts'],
    ['#/@alice', 'profile', '.profile-header'], [`#/post/${postId}`, 'thread', '.thread'],
    ['#/settings', 'settings', 'form.profile-form']]
  for (const [hash, name, selector] of pages) {
    await go(phone, hash, selector)
    await phone.waitForFunction(() => !document.querySelector('.body[data-state=pending]'))
    const width = await phone.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= 390, `${hash} is ${width} px wide`)
    await phone.screenshot({ path: `${screenshots}phone-${name}.png`, fullPage: true })
  }
  // The keyboard alone writes and posts: into the composer, type, Tab to Post, Enter.
  await go(phone, '#/', 'form.composer textarea[name=post]')
  await phone.focus('form.composer textarea[name=post]')
  await phone.keyboard.type('Typed without a mouse')
  await phone.keyboard.press('Tab')
  await phone.keyboard.press('Enter')
  const typed = Number((await status(phone, /Posted #\d+/)).match(/#(\d+)/)[1])
  assert.equal((await net.rpc('social_post', [typed])).author, dev.Bob.address)
  assert.deepEqual(phone.errors ?? [], [])
  await phone.context().close()
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
