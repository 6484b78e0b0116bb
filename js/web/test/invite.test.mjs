// Joining without tokens, in a real browser (Debian's chromium via playwright-core) against a
// real dev node and IPFS daemon: a newcomer in a fresh browser makes a key (the phrase shown
// once, three words typed back), sends Alice the link its Join page gives, Alice offers to
// sponsor it through her own Invite page, and the newcomer accepts, sets a name and posts, with
// a free balance of 0 throughout; Alice reads the post on Discover. IndexedDB holds no phrase or
// seed; after a reload the key is locked until the right password; the phrase imported in
// another fresh browser gives the same address. Screenshots (desktop and phone) go to
// js/web/screenshots/.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { u8aToHex } from '@polkadot/util'
import { mnemonicToMiniSecret } from '@polkadot/util-crypto'

import { PHONE, fitsPhone, screenshots, startTestbed, status } from './browser.mjs'

const PASSWORD = 'correct horse battery'

let bed, net, alice
/** What the newcomer's browser made: its address and phrase. */
const newcomer = {}

before(async () => {
  bed = await startTestbed()
  net = bed.net
  alice = await bed.signedIn('Alice')
})

after(() => bed?.stop())

/** A fresh browser context (its own IndexedDB and storage) at `hash`. */
const open = (hash, options) => bed.open(hash, options)

/** Makes a key on the Join page: name and password, the phrase, three words typed back. */
async function makeKey (page, shots) {
  await page.waitForSelector('form.create-key-form')
  await page.getByLabel('A name for this key').fill('Newcomer')
  await page.getByLabel('Password (at least 8').fill(PASSWORD)
  await page.getByLabel('The password again').fill(PASSWORD)
  if (shots) await shots('join-create')
  await page.click('form.create-key-form button[type=submit]')
  await page.waitForSelector('ol.phrase li')
  const words = await page.$$eval('ol.phrase li', (items) => items.map((li) => li.textContent))
  assert.equal(words.length, 12)
  if (shots) await shots('join-phrase')
  await page.click('button.wrote-it')
  await page.waitForSelector('form.confirm-phrase')
  assert.equal(await page.$('ol.phrase'), null, 'the phrase is gone while its words are asked')
  // A wrong word is refused in words.
  const asked = await page.$$eval('input[data-word]', (inputs) => inputs.map((i) => Number(i.dataset.word)))
  assert.equal(asked.length, 3)
  for (const i of asked) await page.fill(`input[data-word="${i}"]`, words[i])
  await page.fill(`input[data-word="${asked[1]}"]`, 'zzz')
  await page.click('form.confirm-phrase button[type=submit]')
  assert.match(await status(page, /is not the one shown/), new RegExp(`Word ${asked[1] + 1} is not the one shown`))
  if (shots) await shots('join-confirm')
  await page.fill(`input[data-word="${asked[1]}"]`, words[asked[1]])
  await page.click('form.confirm-phrase button[type=submit]')
  await status(page, /Your key is made/)
  return words.join(' ')
}

test('a newcomer joins in a fresh browser: key, sponsor, name and post, holding no token', async () => {
  const page = await open('#/join')
  const shot = (name) => page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true })
  newcomer.phrase = await makeKey(page, shot)
  await page.waitForSelector('a.request-link')
  newcomer.address = await page.textContent('code.my-address')
  assert.equal(await page.inputValue('#account-select'), newcomer.address, 'the new key signs from now on')
  const request = await page.getAttribute('a.request-link', 'href')
  assert.match(request, new RegExp(`#/invite\\?to=${newcomer.address}$`))
  await shot('join-waiting')

  // Alice opens the link in her browser and offers with one click.
  await alice.goto(request)
  await alice.waitForSelector('body[data-ready=true]')
  await alice.waitForSelector('form.invite-form')
  assert.equal(await alice.inputValue('#invite-to'), newcomer.address)
  await alice.fill('#invite-allowance', 'lots')
  await alice.click('form.invite-form button[type=submit]')
  assert.match(await status(alice, /allowance/), /The allowance needs an amount of AGORA such as 1/)
  await alice.fill('#invite-allowance', '2')
  await alice.click('form.invite-form button[type=submit]')
  await status(alice, /Offered 2 AGORA/)
  await alice.screenshot({ path: `${screenshots}invite.png` })

  // The newcomer's page notices the offer by itself.
  await page.waitForSelector('ul.offers button.accept', { timeout: 15000 })
  assert.match(await page.textContent('ul.offers'), /offers to pay your fees and deposits, up to 2 AGORA/)
  await shot('join-offer')
  await page.click('ul.offers button.accept')
  await status(page, /Accepted/)
  await page.waitForSelector('form.name-form')
  const leftAtFirst = await page.textContent('p.sponsored .left')
  assert.match(await page.textContent('p.sponsored'), /pays your fees and deposits: 1\.\d+ AGORA left/)
  await page.getByLabel('The name people see').fill('Nora Newcomer')
  await page.click('form.name-form button[type=submit]')
  await status(page, /Name saved/)
  await page.fill('textarea[name=post]', 'Hello Agora, I hold no tokens')
  await page.click('form.composer button[type=submit]')
  const postId = Number((await status(page, /Posted #\d+/)).match(/#(\d+)/)[1])
  await page.waitForFunction((before) => document.querySelector('p.sponsored .left').textContent !== before, leftAtFirst)
  await shot('join-done')

  const profile = await net.rpc('social_profile', [newcomer.address])
  assert.ok(profile?.metadata, 'the profile is on chain')
  const { data } = await net.api.query.system.account(newcomer.address)
  assert.equal(data.free.toBigInt(), 0n, 'the newcomer never held a token')
  assert.equal(data.reserved.toBigInt(), 0n)

  // Another account reads the post on Discover.
  await alice.evaluate(() => { window.location.hash = '#/discover' })
  const body = `.discover article.post[data-post-id="${postId}"] .body[data-state=shown]`
  await alice.waitForSelector(body)
  assert.equal(await alice.textContent(body), 'Hello Agora, I hold no tokens')
  assert.deepEqual([...(page.errors ?? []), ...(alice.errors ?? [])], [])

  // IndexedDB holds the key encrypted: no word of the phrase, no seed.
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const request = window.indexedDB.open('agora-keys')
    request.onerror = () => reject(request.error)
    request.onsuccess = () => {
      const all = request.result.transaction('keys').objectStore('keys').getAll()
      all.onsuccess = () => resolve(JSON.stringify(all.result, (key, value) =>
        value instanceof Uint8Array ? Array.from(value) : value))
    }
  }))
  assert.match(stored, new RegExp(newcomer.address), 'the record is there')
  for (const word of newcomer.phrase.split(' ')) assert.doesNotMatch(stored, new RegExp(`\\b${word}\\b`, 'i'), `"${word}" is stored`)
  const seed = mnemonicToMiniSecret(newcomer.phrase)
  assert.ok(!stored.includes(u8aToHex(seed).slice(2)), 'the seed in hex is stored')
  assert.ok(!stored.includes(Array.from(seed).join(',')), 'the seed bytes are stored')
  assert.deepEqual(await page.evaluate(() => Object.values(localStorage)), [newcomer.address], 'localStorage holds the address only')

  // After a reload the key is locked: a wrong password is refused, the right one unlocks.
  await page.reload()
  await page.waitForSelector('body[data-ready=true]')
  await page.evaluate(() => { window.location.hash = '#/keys' })
  await page.waitForSelector('form.unlock-form')
  await page.fill('input[name=unlock-password]', 'not the password')
  await page.click('form.unlock-form button[type=submit]')
  assert.match(await status(page, /password/), /That password does not unlock this key/)
  await shot('keys-locked')
  await page.fill('input[name=unlock-password]', PASSWORD)
  await page.click('form.unlock-form button[type=submit]')
  await status(page, /Unlocked/)
  await page.waitForSelector('button.lock')
  // The phrase again, after the password.
  await page.fill('input[name=export-password]', PASSWORD)
  await page.click('form.export-form button[type=submit]')
  await page.waitForSelector('.exported ol.phrase li')
  assert.equal((await page.$$eval('.exported ol.phrase li', (items) => items.map((li) => li.textContent))).join(' '), newcomer.phrase)
  // Locked again at once, on request.
  await page.click('button.lock')
  await status(page, /Locked/)
  await page.waitForSelector('form.unlock-form')
  assert.deepEqual(page.errors ?? [], [])
  await page.context().close()
})

test('the phrase imported in another fresh browser gives the same address', async () => {
  assert.ok(newcomer.phrase, 'the join test ran first')
  const page = await open('#/keys')
  await page.waitForSelector('form.import-form')
  await page.getByLabel('Recovery phrase').fill(`  ${newcomer.phrase.replace(/ /g, '  ')} `)
  await page.getByLabel('A name for this key').fill('Imported')
  await page.getByLabel('Password (at least 8').fill('another password')
  await page.getByLabel('The password again').fill('another password')
  await page.click('form.import-form button[type=submit]')
  assert.equal(await status(page, /Imported/), `Imported ${newcomer.address}.`)
  await page.waitForSelector('ul.key-list')
  assert.equal(await page.inputValue('#account-select'), newcomer.address)
  // It signs: the sponsorship still pays.
  await page.evaluate(() => { window.location.hash = '#/join' })
  await page.waitForSelector('form.name-form')
  // A phrase with a wrong word is refused in words.
  await page.evaluate(() => { window.location.hash = '#/keys' })
  await page.waitForSelector('form.import-form')
  await page.getByLabel('Recovery phrase').fill(newcomer.phrase.split(' ').reverse().join(' '))
  await page.getByLabel('A name for this key').fill('Wrong')
  await page.getByLabel('Password (at least 8').fill('another password')
  await page.getByLabel('The password again').fill('another password')
  await page.click('form.import-form button[type=submit]')
  await status(page, /not a recovery phrase/)
  assert.deepEqual(page.errors ?? [], [])
  await page.context().close()
})

test('joining and inviting fit a 390 px phone screen', async () => {
  const page = await open('#/join', { viewport: PHONE })
  await makeKey(page, (name) => fitsPhone(page, name))
  await page.waitForSelector('a.request-link')
  await fitsPhone(page, 'join-waiting')
  const request = await page.getAttribute('a.request-link', 'href')
  await page.context().close()

  const phone = await open('#/settings', { viewport: PHONE })
  await phone.selectOption('#account-select', { label: 'Alice (dev account, public secret)' })
  await phone.goto(request)
  await phone.waitForSelector('body[data-ready=true]')
  await phone.waitForSelector('form.invite-form')
  await fitsPhone(phone, 'invite')
  // An offer can be taken back until it is accepted.
  const to = await phone.inputValue('#invite-to')
  await phone.click('form.invite-form button[type=submit]')
  await status(phone, /Offered 1 AGORA/)
  assert.equal((await net.api.query.sponsorship.offers(to, net.alice.address)).isSome, true)
  await phone.click('button.withdraw')
  await status(phone, /Offer taken back/)
  assert.equal((await net.api.query.sponsorship.offers(to, net.alice.address)).isSome, false)
  assert.deepEqual(phone.errors ?? [], [])
  await phone.context().close()
})
