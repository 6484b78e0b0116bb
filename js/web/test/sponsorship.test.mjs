// Sponsorship in a real browser (Debian's chromium via playwright-core) against a real dev node
// and IPFS daemon: Alice offers to pay Ferdie's fees (Invite page); Ferdie accepts the offer on
// his Sponsorship page and posts without his balance moving; both pages show what it cost;
// Alice tops the allowance up and then ends the sponsorship. Screenshots go to
// js/web/screenshots/.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { PHONE, fitsPhone, go, screenshots, startTestbed, status } from './browser.mjs'

const AGORA = 10n ** 12n

let bed, net, dev, alice, ferdie

before(async () => {
  bed = await startTestbed()
  net = bed.net
  dev = bed.dev
  alice = await bed.signedIn('Alice')
  ferdie = await bed.signedIn('Ferdie')
})

after(() => bed?.stop())

const record = async () => (await net.api.query.sponsorship.sponsorships(dev.Ferdie.address)).unwrapOr(null)
const free = async () => (await net.api.query.system.account(dev.Ferdie.address)).data.free.toBigInt()

test('Ferdie accepts Alice\'s offer and posts; his balance does not move', async () => {
  await go(alice, `#/invite?to=${dev.Ferdie.address}`, 'form.invite-form')
  await alice.click('form.invite-form button[type=submit]')
  await status(alice, /Offered 1 AGORA/)

  await go(ferdie, '#/sponsorship', 'ul.offers button.accept')
  assert.match(await ferdie.textContent('ul.offers'), /offers up to 1 AGORA/)
  await ferdie.click('ul.offers button.accept')
  await status(ferdie, /Accepted/)
  await ferdie.waitForSelector('.my-sponsor dl.figures')

  const before = await free()
  await go(ferdie, '#/', 'form.composer textarea[name=post]')
  await ferdie.fill('textarea[name=post]', 'Paid for by a friend')
  await ferdie.click('form.composer button[type=submit]')
  await status(ferdie, /Posted #\d+/)
  assert.equal(await free(), before, 'the sponsor paid the fee and the deposit')
  const paid = (await record()).feesPaid.toBigInt()
  assert.ok(paid > 0n)

  await go(ferdie, '#/sponsorship', '.my-sponsor dl.figures')
  assert.match(await ferdie.textContent('.my-sponsor'), /pays your fees and deposits/)
  assert.notEqual(await ferdie.textContent('.my-sponsor .fees-paid'), '0 AGORA')
  assert.notEqual(await ferdie.textContent('.my-sponsor .deposits-held'), '0 AGORA')
})

test('Alice sees what Ferdie cost, tops the allowance up, then ends the sponsorship', async () => {
  await go(alice, '#/sponsorship', `.sponsored-account[data-account="${dev.Ferdie.address}"] dl.figures`)
  const item = `.sponsored-account[data-account="${dev.Ferdie.address}"]`
  assert.equal(await alice.textContent(`${item} .allowance`), '1 AGORA')
  assert.match(await alice.textContent(`${item} .fees-paid`), /^0\.\d+ AGORA$/)
  await alice.screenshot({ path: `${screenshots}sponsorship.png`, fullPage: true })

  await alice.fill(`${item} .top-up-form input`, '2')
  await alice.click(`${item} .top-up-form button[type=submit]`)
  await status(alice, /Allowance raised by 2 AGORA/)
  await alice.waitForFunction((selector) => document.querySelector(selector)?.textContent === '3 AGORA', `${item} .allowance`)
  assert.equal((await record()).allowance.toBigInt(), 3n * AGORA)

  await alice.fill(`${item} .top-up-form input`, 'lots')
  await alice.click(`${item} .top-up-form button[type=submit]`)
  assert.match(await status(alice, /top-up/), /The top-up needs an amount of AGORA/)
  assert.equal((await record()).allowance.toBigInt(), 3n * AGORA, 'unchanged')

  await alice.click(`${item} button.end`)
  await status(alice, /Sponsorship ended/)
  await alice.waitForFunction(() => /Nobody yet/.test(document.querySelector('.i-sponsor')?.textContent ?? ''))
  assert.equal(await record(), null)
})

test('the Sponsorship page fits a phone', async () => {
  const phone = await bed.signedIn('Ferdie', { viewport: PHONE })
  await go(phone, '#/sponsorship', '.my-sponsor')
  await fitsPhone(phone, 'sponsorship')
  assert.deepEqual([...(phone.errors ?? []), ...(alice.errors ?? []), ...(ferdie.errors ?? [])], [])
  await phone.context().close()
})
