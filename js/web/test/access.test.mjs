// App keys and recovery in a real browser (Debian's chromium via playwright-core) against a real
// dev node and IPFS daemon: Alice adds Charlie's key as a social app key; Charlie, in his own
// browser, acts for Alice and posts as her; Alice revokes the key and Charlie's next post is
// refused in words, with nothing posted. A key that is not an app key cannot act for anyone.
// Dave sets up recovery (Alice and Bob, both needed, Eve the heir); Alice and Bob vouch in
// their browsers; Eve claims it once the delay passed and posts as Dave. Screenshots (desktop
// and phone) go to js/web/screenshots/.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { PHONE, fitsPhone, go, screenshots, startTestbed, status } from './browser.mjs'

let bed, net, dev
const pages = {}

before(async () => {
  bed = await startTestbed()
  net = bed.net
  dev = bed.dev
})

after(() => bed?.stop())

/** Dev account `name`'s browser, opened once. */
async function as (name) {
  pages[name] ??= await bed.signedIn(name)
  return pages[name]
}

/** The ids of `account`'s posts on chain, newest first. */
const postsOf = async (account) => (await net.rpc('social_authorPosts', [account, null, 100])).items.map((post) => post.id)

/** Posts `text` from the home page's composer; resolves to the status line. */
async function post (page, text, pattern) {
  await go(page, '#/', 'form.composer textarea[name=post]')
  await page.fill('textarea[name=post]', text)
  await page.click('form.composer button[type=submit]')
  return status(page, pattern)
}

/** Acts for `account` from the Keys and recovery page. */
async function actFor (page, account) {
  await go(page, '#/access', 'form.act-form')
  await page.fill('form.act-form input', account)
  await page.click('form.act-form button[type=submit]')
}

test('Alice adds Charlie\'s key as a social app key; Charlie posts as Alice', async () => {
  const alice = await as('Alice')
  await go(alice, '#/access', 'form.add-key-form')
  await alice.fill('form.add-key-form input[name=app-key]', dev.Charlie.address)
  await alice.fill('form.add-key-form input[name=days]', '30')
  await alice.click('form.add-key-form button[type=submit]')
  await status(alice, /Key added/)
  await alice.waitForSelector(`.app-keys li[data-key="${dev.Charlie.address}"]`)
  assert.match(await alice.textContent('.app-keys li'), /social: posts, follows, reactions · until block \d+ \(in about 30 days\)/)
  await alice.screenshot({ path: `${screenshots}access.png`, fullPage: true })

  const charlie = await as('Charlie')
  await actFor(charlie, dev.Alice.address)
  await charlie.waitForFunction(() => /through Charlie/.test(document.querySelector('#account-select option:checked')?.textContent ?? ''))
  const before = await postsOf(dev.Alice.address)
  const posted = await post(charlie, 'Posted by my phone\'s app key', /Posted #\d+/)
  const id = Number(posted.match(/#(\d+)/)[1])
  assert.deepEqual(await postsOf(dev.Alice.address), [id, ...before], 'the post is Alice\'s')
  assert.deepEqual(await postsOf(dev.Charlie.address), [], 'and not Charlie\'s')
})

test('Alice revokes the key: Charlie\'s next post is refused in words, nothing posted', async () => {
  const alice = await as('Alice')
  await go(alice, '#/access', '.app-keys button.revoke-key')
  await alice.click('.app-keys button.revoke-key')
  await status(alice, /Key revoked/)
  await alice.waitForFunction(() => /No app keys/.test(document.querySelector('.app-keys-section')?.textContent ?? ''))

  const charlie = await as('Charlie')
  const before = await postsOf(dev.Alice.address)
  assert.match(await post(charlie, 'still me?', /may not act/), /may not act for .*: it is not one of its keys/)
  assert.deepEqual(await postsOf(dev.Alice.address), before)
})

test('a key that is no app key or heir of an account cannot act for it', async () => {
  const bob = await as('Bob')
  await actFor(bob, dev.Dave.address)
  assert.match(await status(bob, /may not act/), /may not act for/)
  assert.match(await bob.textContent('#account-select option:checked'), /^Bob /)
})

test('friends recover Dave\'s account; the heir posts as Dave', async () => {
  const dave = await as('Dave')
  await go(dave, '#/access', 'form.recovery-form')
  await dave.fill('form.recovery-form input[name=friends]', `${dev.Alice.address}, ${dev.Bob.address}`)
  await dave.fill('form.recovery-form input[name=threshold]', '2')
  await dave.fill('form.recovery-form input[name=heir]', dev.Eve.address)
  await dave.fill('form.recovery-form input[name=delay]', '3')
  await dave.click('form.recovery-form button[type=submit]')
  await status(dave, /Recovery set up/)
  await dave.waitForFunction(() => /2 of these friends must vouch/.test(document.querySelector('.recovery-state')?.textContent ?? ''))

  // Dave's key is lost. His friends vouch in their own browsers.
  for (const [name, said] of [['Alice', /You vouched/], ['Bob', /You vouched/]]) {
    const friend = await as(name)
    await go(friend, '#/access', 'form.lost-form')
    await friend.fill('form.lost-form input[name=lost]', dev.Dave.address)
    await friend.click('form.lost-form button.vouch')
    await status(friend, said)
  }
  const eve = await as('Eve')
  await go(eve, '#/access', 'form.lost-form')
  await eve.fill('form.lost-form input[name=lost]', dev.Dave.address)
  // Too early: the delay has not passed (instant seal: a block per transaction).
  const [attempt] = (await net.api.query.recovery.attempt.entries(dev.Dave.address))
  const claimable = attempt[1].unwrap()[0].initBlock.toNumber() + 3
  if ((await net.api.query.system.number()).toNumber() < claimable) {
    await eve.click('form.lost-form button.claim')
    assert.match(await status(eve, /claimable from block/), /2\/2 approvals/)
  }
  while ((await net.api.query.system.number()).toNumber() < claimable) await net.freshAccount()
  await eve.click('form.lost-form button.claim')
  await status(eve, /Recovered/)
  await eve.click('.lost-state button.act-for')
  await eve.waitForFunction(() => /through Eve/.test(document.querySelector('#account-select option:checked')?.textContent ?? ''))
  const posted = await post(eve, 'Back, thanks to my friends', /Posted #\d+/)
  assert.deepEqual(await postsOf(dev.Dave.address), [Number(posted.match(/#(\d+)/)[1])])
})

test('the Keys and recovery page fits a phone', async () => {
  const phone = await bed.signedIn('Dave', { viewport: PHONE })
  await go(phone, '#/access', '.recovery-section')
  await fitsPhone(phone, 'access')
  const errors = Object.values(pages).flatMap((page) => page.errors ?? [])
  assert.deepEqual([...errors, ...(phone.errors ?? [])], [])
  await phone.context().close()
})
