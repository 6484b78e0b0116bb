// Private messages in a real browser (Debian's chromium via playwright-core) against a real dev
// node and IPFS daemon: Bob and Alice open their inboxes, write to each other and read both
// sides of the conversation; the unread count shows in the header and clears once read; a
// third account fetching the envelope gets ciphertext only and cannot open it; Alice in another
// browser sees her sent message as sealed; Bob blocks Alice, whose next message is refused in
// words with his inbox unchanged; Bob deletes a message. Screenshots (desktop and phone) go to
// js/web/screenshots/.

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { hexToU8a } from '@polkadot/util'
import { accountSecret } from '@agora/chain/envelope'
import { messageKeys, openNotice } from '@agora/chain/messages'

import { PHONE, fitsPhone, go, screenshots, startTestbed, status } from './browser.mjs'

const MARKER = 'meet at the old oak at noon'

let bed, net, dev, alice, bob

before(async () => {
  bed = await startTestbed()
  net = bed.net
  dev = bed.dev
  alice = await signedIn('Alice')
  bob = await signedIn('Bob')
})

after(() => bed?.stop())

const signedIn = (name, options) => bed.signedIn(name, options)

/** Bob's inbox as the chain has it. */
const bobsInbox = async () => (await net.rpc('social_inbox', [dev.Bob.address, null, 100])).items

/** The texts of a conversation's messages once each has opened (or said why not). */
async function messageTexts (page) {
  await page.waitForFunction(() => !document.querySelector('.message-body[data-state=pending]'))
  return page.$$eval('.message', (items) => items.map((item) => ({
    mine: item.classList.contains('mine'),
    text: item.querySelector('.message-body').textContent
  })))
}

test('Alice cannot write to Bob before he opens his inbox; then both open theirs', async () => {
  await go(alice, '#/messages', 'form.message-form')
  await alice.fill('#message-to', dev.Bob.address)
  await alice.fill('form.message-form textarea', 'hello?')
  await alice.click('form.message-form button[type=submit]')
  assert.match(await status(alice, /published no message key/), /nobody can write to them yet/)
  assert.deepEqual(await bobsInbox(), [])

  for (const page of [bob, alice]) {
    await go(page, '#/messages', 'button.open-inbox')
    await page.click('button.open-inbox')
    await status(page, /Your inbox is open/)
    await page.waitForSelector('.inbox-settings')
  }
  assert.equal((await net.rpc('social_mailbox', [dev.Bob.address])).keyId, 0)
})

test('Alice writes to Bob; the header counts it unread until he reads it; he replies', async () => {
  await go(alice, '#/messages', '#message-to')
  await alice.fill('#message-to', dev.Bob.address)
  await alice.fill('form.message-form textarea', MARKER)
  await alice.click('form.message-form button[type=submit]')
  await status(alice, /Message sent/)
  await alice.waitForSelector('.conversation .message.mine')
  assert.deepEqual(await messageTexts(alice), [{ mine: true, text: MARKER }])

  await go(bob, '#/messages', '.conversations li')
  await bob.waitForFunction(() => document.getElementById('nav-messages').textContent === 'Messages · 1')
  assert.match(await bob.textContent('.conversations li.unread'), /1 new/)
  await bob.screenshot({ path: `${screenshots}messages.png` })
  await bob.click('.conversations li a.conversation-link')
  await bob.waitForSelector('.conversation')
  assert.deepEqual(await messageTexts(bob), [{ mine: false, text: MARKER }])
  await bob.fill('form.message-form textarea', 'See you there')
  await bob.keyboard.press('Control+Enter')
  await status(bob, /Message sent/)
  await bob.waitForFunction(() => document.querySelectorAll('.conversation .message').length === 2)
  assert.deepEqual(await messageTexts(bob), [{ mine: false, text: MARKER }, { mine: true, text: 'See you there' }])
  await bob.waitForFunction(() => document.getElementById('nav-messages').textContent === 'Messages')
  await bob.screenshot({ path: `${screenshots}conversation.png` })

  await go(alice, `#/messages/${dev.Bob.address}`, '.conversation')
  assert.deepEqual(await messageTexts(alice), [{ mine: true, text: MARKER }, { mine: false, text: 'See you there' }])
})

test('a third account fetching the envelope gets ciphertext only, and cannot open it', async () => {
  const [notice] = await bobsInbox()
  const hex = await net.rpc('content_get', [notice.envelope])
  const bytes = hexToU8a(hex)
  assert.ok(!Buffer.from(bytes).includes(MARKER), 'the envelope holds no plaintext')
  const call = (method, params) => net.rpc(method, params)
  const keysOf = (name) => messageKeys(dev[name].publicKey, accountSecret(`//${name}`, dev[name].publicKey))
  const charlie = await openNotice({ call, notice, keys: keysOf('Charlie') })
  assert.match(charlie.error, /failed authentication/)
  assert.equal((await openNotice({ call, notice, keys: keysOf('Bob') })).text, MARKER, 'Bob, the control, opens it')
})

test('Alice in another browser sees what she sent as sealed, and what Bob wrote as text', async () => {
  const elsewhere = await signedIn('Alice')
  await go(elsewhere, `#/messages/${dev.Bob.address}`, '.conversation')
  const texts = await messageTexts(elsewhere)
  assert.equal(texts.length, 2)
  assert.match(texts[0].text, /sealed to their key/)
  assert.equal(texts[1].text, 'See you there')
  await elsewhere.context().close()
})

test('Bob blocks Alice: her next message is refused in words, his inbox unchanged; he unblocks', async () => {
  await go(bob, '#/messages', '.block-form')
  await bob.fill('#dm-block', dev.Alice.address)
  await bob.click('.block-form button[type=submit]')
  await status(bob, /Blocked/)
  await bob.waitForSelector('.blocked-list li')
  const before = await bobsInbox()

  await go(alice, `#/messages/${dev.Bob.address}`, 'form.message-form')
  await alice.fill('form.message-form textarea', 'are you there?')
  await alice.click('form.message-form button[type=submit]')
  assert.match(await status(alice, /blocked/), /The recipient blocked the sender \(messages\.SenderBlocked\)/)
  assert.deepEqual(await bobsInbox(), before)

  await go(bob, '#/messages', '.blocked-list button.unblock')
  await bob.click('.blocked-list button.unblock')
  await status(bob, /Unblocked/)
  await bob.waitForFunction(() => /Nobody\./.test(document.querySelector('.inbox-settings')?.textContent ?? ''))
})

test('Bob deletes Alice\'s message: it leaves his inbox and the conversation', async () => {
  await go(bob, `#/messages/${dev.Alice.address}`, '.message.theirs button.remove-message')
  await bob.click('.message.theirs button.remove-message')
  await status(bob, /Deleted/)
  await bob.waitForFunction(() => document.querySelectorAll('.conversation .message.theirs').length === 0)
  assert.deepEqual(await bobsInbox(), [])
})

test('the message pages fit a phone; the keyboard alone writes a message', async () => {
  const phone = await signedIn('Bob', { viewport: PHONE })
  await go(phone, '#/messages', '.inbox-settings')
  await fitsPhone(phone, 'messages')
  await go(phone, `#/messages/${dev.Alice.address}`, 'form.message-form')
  await phone.focus('form.message-form textarea')
  await phone.keyboard.type('typed on a phone')
  await phone.keyboard.press('Tab')
  await phone.keyboard.press('Enter')
  await status(phone, /Message sent/)
  await phone.waitForFunction(() => /typed on a phone/.test(document.querySelector('.message-list')?.textContent ?? ''))
  await messageTexts(phone)
  await fitsPhone(phone, 'conversation')
  assert.deepEqual([...(phone.errors ?? []), ...(alice.errors ?? []), ...(bob.errors ?? [])], [])
  await phone.context().close()
})
