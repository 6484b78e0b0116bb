// Private messages in the browser, around @agora/chain's envelopes (the same envelope v1 as the
// CLI): the signed-in account's inbox grouped into conversations, what it has read, and a copy
// of what it sent.
//
// An envelope is sealed to the recipient's key, so its sender cannot open it again. So that a
// conversation shows both sides, the page keeps a copy of each message it sends, sealed to the
// sender's own message key 0 (never published, derived from the sender's secret like the
// others) and stored in IndexedDB: the copy is no more readable there than the envelope is on
// IPFS. Another browser shows the sent message as sealed.

import { UserError } from '@agora/chain'
import { sealEnvelope } from '@agora/chain/envelope'
import { openBytes, openNotice } from '@agora/chain/messages'

import { idbStore } from './idb.js'

const DB = 'agora-sent'
const STORE = 'copies'
/** The most notices read from one inbox to draw conversations (pages of 100). */
const MAX_NOTICES = 500
const SEEN_KEY = (address) => `agora.dm.seen.${address}`

/** The signed-in account's message keys, or a UserError that says how to get them. */
export function myMessageKeys (app) {
  if (!app.me) throw new UserError('Choose an account first.')
  if (app.me.messages) return app.me.messages
  if (app.me.kind === 'acting') throw new UserError('Private messages open with the account\'s own secret: an app key or an heir cannot read or send them.')
  if (app.me.kind === 'browser') throw new UserError('Your key is locked: unlock it with its password (Keys) to read and send messages.')
  throw new UserError('Private messages are sealed with your account\'s own secret, which the extension keeps to itself. ' +
    'Make or import a key in this browser (Join or Keys) to read and send messages.')
}

/** Up to MAX_NOTICES notices of `account`'s inbox, newest first. */
export async function inboxNotices (app, account) {
  const notices = []
  let cursor = null
  do {
    const page = await app.chain.call('social_inbox', [account, cursor, 100])
    notices.push(...page.items)
    cursor = page.next
  } while (cursor && notices.length < MAX_NOTICES)
  return notices
}

/** The highest message id the signed-in account has seen from each sender: `{ sender: id }`. */
function seen (app) {
  try {
    return JSON.parse(window.localStorage.getItem(SEEN_KEY(app.me.address)) ?? '{}') ?? {}
  } catch {
    return {}
  }
}

/** Marks every message from `sender` up to id `upTo` as read. */
export function markSeen (app, sender, upTo) {
  const marks = seen(app)
  if ((marks[sender] ?? -1) >= upTo) return
  marks[sender] = upTo
  window.localStorage.setItem(SEEN_KEY(app.me.address), JSON.stringify(marks))
}

/** Whether notice `notice` of the signed-in account's inbox is unread. */
export function isUnread (app, notice, marks = seen(app)) {
  return notice.id > (marks[notice.sender] ?? -1)
}

/** The number of unread messages in the signed-in account's inbox (first 100 notices). */
export async function unreadCount (app) {
  const page = await app.chain.call('social_inbox', [app.me.address, null, 100])
  const marks = seen(app)
  return page.items.filter((notice) => isUnread(app, notice, marks)).length
}

/**
 * The signed-in account's conversations, latest first: `[{ with, latest (a notice), unread }]`,
 * one per account that wrote to it.
 */
export async function conversations (app) {
  const marks = seen(app)
  const byAccount = new Map()
  for (const notice of await inboxNotices(app, app.me.address)) {
    const entry = byAccount.get(notice.sender) ?? { with: notice.sender, latest: notice, unread: 0 }
    if (isUnread(app, notice, marks)) entry.unread++
    byAccount.set(notice.sender, entry)
  }
  return [...byAccount.values()]
}

/**
 * Both sides of the conversation between the signed-in account and `other`, oldest first:
 * `[{ notice, mine }]`, `mine` for the messages it sent (read from `other`'s inbox). Message ids
 * count up across the chain, so they order the two sides.
 */
export async function conversation (app, other) {
  const [received, sent] = await Promise.all([inboxNotices(app, app.me.address), inboxNotices(app, other)])
  return [
    ...received.filter((notice) => notice.sender === other).map((notice) => ({ notice, mine: false })),
    ...sent.filter((notice) => notice.sender === app.me.address).map((notice) => ({ notice, mine: true }))
  ].sort((a, b) => a.notice.id - b.notice.id)
}

/** Opens a received notice: `{ text, sentAt, keyId }` or `{ error }`. */
export function openReceived (app, notice) {
  return openNotice({ call: app.chain.call, notice, keys: myMessageKeys(app) })
}

const copies = idbStore({ name: DB, store: STORE, keyPath: 'cid', what: 'copies of sent messages' })
const withStore = (mode, fn) => copies.run(mode, fn)

/** Keeps `text`, just sent as envelope `cid`, sealed to the sender's own key 0. */
export async function keepSentCopy (app, cid, text) {
  const keys = myMessageKeys(app)
  const own = await keys.keyFor(0)
  const bytes = await sealEnvelope({ sender: app.me.key, to: keys.publicKey, recipientKey: own.publicKey, keyId: 0, text })
  await withStore('readwrite', (store) => store.put({ cid, bytes }))
}

/**
 * The text of a message the signed-in account sent as envelope `cid`: `{ text, sentAt }` from
 * this browser's copy, or `{ sealed: true }` when this browser has none.
 */
export async function openSent (app, cid) {
  const keys = myMessageKeys(app)
  const copy = await withStore('readonly', (store) => store.get(cid)).catch(() => undefined)
  if (!copy) return { sealed: true }
  return openBytes({ bytes: copy.bytes, keys, sender: keys.publicKey })
}
