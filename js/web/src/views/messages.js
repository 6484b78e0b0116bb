// Private messages: the inbox as conversations (#/messages), one conversation with both sides
// (#/messages/<address or @handle>), writing a new message, and the inbox's settings: opening it
// (publishing a message key), rotating the key, who may write, and blocks. Every message is
// sealed and opened in this browser (messaging.js); the chain and IPFS only see envelopes.

import { append, h, shortAddress, show } from '../dom.js'
import { busy } from '../app.js'
import { accountLink } from '../post.js'
import { blockTimeElement } from '../time.js'
import {
  conversation, conversations, isUnread, keepSentCopy, markSeen, myMessageKeys, openReceived, openSent
} from '../messaging.js'
import { UserError } from '@agora/chain'
import { sealMessage } from '@agora/chain/messages'
import { u8aEq, u8aToHex, hexToU8a } from '@polkadot/util'

const POLICIES = [['Anyone', 'Anyone'], ['Following', 'Only accounts I follow'], ['Nobody', 'Nobody']]

/** A body slot that shows "Opening…", then the text, or what failed. */
function messageBody (opening) {
  const body = h('p', { class: 'message-body pending', 'data-state': 'pending' }, 'Opening…')
  opening.then((opened) => {
    body.classList.remove('pending')
    if (opened.sealed) {
      body.dataset.state = 'sealed'
      show(body, h('span', { class: 'muted' }, 'Sent from another browser: sealed to their key, so only they can read it.'))
    } else if (opened.error) {
      body.dataset.state = 'error'
      show(body, h('span', { class: 'error' }, `This message cannot be read: ${opened.error}.`))
    } else {
      body.dataset.state = 'open'
      show(body, opened.text)
    }
  }).catch((error) => {
    body.dataset.state = 'error'
    show(body, h('span', { class: 'error' }, `This message cannot be read: ${error.message}`))
  })
  return body
}

/** Seals `text` to `to`, sends it and keeps this browser's copy. */
async function sendTo (app, to, text) {
  const { cid, size } = await sealMessage({ call: app.chain.call, sender: app.me.key, to, text })
  await app.send(app.chain.api.tx.messages.sendMessage(to, cid, size), 'Message sent.')
  await keepSentCopy(app, cid, text).catch(() => {})
}

let forms = 0
/** A textarea and a Send button; `onSend(text)` runs when it is sent. */
function messageForm (app, { label, onSend, extra = [] }) {
  const id = `message-text-${++forms}`
  const text = h('textarea', { id, name: 'text', rows: 3, maxlength: 10000, required: true })
  const sendButton = h('button', { type: 'submit' }, 'Send')
  const form = h('form', { class: 'message-form' }, extra, h('label', { for: id }, label), text, sendButton)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, sendButton, async () => {
      await onSend(text.value)
      text.value = ''
    })
  })
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit()
  })
  return form
}

/** The inbox's state and settings: its key, who may write, blocks. */
async function inboxSettings (app, mailbox, reload) {
  const { api } = app.chain
  const keys = myMessageKeys(app)
  const box = h('section', { class: 'inbox-settings' }, h('h2', {}, 'Inbox settings'))
  const mine = await keys.keyFor(mailbox.keyId)
  if (!u8aEq(mine.publicKey, hexToU8a(mailbox.key))) {
    box.append(h('p', { class: 'warning' }, `Your published key ${mailbox.keyId} was not made from this key's secret: messages sent to it cannot be opened here. Publish your next key below.`))
  }
  const rotate = h('button', { type: 'button', class: 'rotate-key' }, 'Publish a new key')
  rotate.addEventListener('click', () => busy(app, rotate, async () => {
    const next = await keys.keyFor(mailbox.keyId + 1)
    await app.send(api.tx.messages.publishKey(u8aToHex(next.publicKey)), `Key ${mailbox.keyId + 1} published: new messages are sealed to it.`)
    reload()
  }))
  box.append(h('p', {}, `Messages to you are sealed to your key ${mailbox.keyId}. `, rotate,
    h('br'), h('span', { class: 'muted' }, 'Older messages stay readable: every key comes from your secret.')))

  const policy = h('select', { id: 'dm-policy', name: 'policy' },
    POLICIES.map(([value, text]) => h('option', { value, selected: mailbox.policy?.toLowerCase() === value.toLowerCase() }, text)))
  const savePolicy = h('button', { type: 'submit' }, 'Save')
  const policyForm = h('form', { class: 'policy-form' }, h('label', { for: 'dm-policy' }, 'Who may write to you'), policy, ' ', savePolicy)
  policyForm.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, savePolicy, () => app.send(api.tx.messages.setPolicy(policy.value), 'Saved: who may write to you.'))
  })
  box.append(policyForm)

  const blocked = (await api.query.messages.blocked.keys(app.me.address)).map((key) => key.args[1].toString())
  const blockInput = h('input', { id: 'dm-block', name: 'block', placeholder: '@handle or address', autocomplete: 'off' })
  const blockButton = h('button', { type: 'submit' }, 'Block')
  const blockForm = h('form', { class: 'block-form' }, h('label', { for: 'dm-block' }, 'Block someone (their messages are refused)'), blockInput, ' ', blockButton)
  blockForm.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, blockButton, async () => {
      const who = await app.resolveAccount(blockInput.value.trim())
      await app.send(api.tx.messages.block(who), 'Blocked: their messages are refused.')
      reload()
    })
  })
  box.append(h('h3', {}, 'Blocked'),
    blocked.length === 0
      ? h('p', { class: 'muted' }, 'Nobody.')
      : h('ul', { class: 'blocked-list' }, blocked.map((address) => {
        const unblock = h('button', { type: 'button', class: 'unblock' }, 'Unblock')
        unblock.addEventListener('click', () => busy(app, unblock, async () => {
          await app.send(api.tx.messages.unblock(address), 'Unblocked.')
          reload()
        }))
        return h('li', {}, accountLink(app, address), ' ', unblock)
      })),
    blockForm)
  return box
}

/** The Messages page: conversations, a new message, the inbox's settings. */
export async function messagesView (app, reload) {
  const section = h('section', { class: 'messages' }, h('h1', {}, 'Messages'))
  if (!app.me) {
    section.append(h('p', {}, 'Choose an account at the top of the page.'))
    return section
  }
  myMessageKeys(app)
  const mailbox = await app.chain.call('social_mailbox', [app.me.address])
  if (!mailbox) {
    const open = h('button', { type: 'button', class: 'open-inbox' }, 'Open my inbox')
    open.addEventListener('click', () => busy(app, open, async () => {
      const key = await myMessageKeys(app).keyFor(0)
      await app.send(app.chain.api.tx.messages.publishKey(u8aToHex(key.publicKey)), 'Your inbox is open.')
      reload()
    }))
    section.append(h('p', { class: 'hint inbox-closed' }, 'Your inbox is closed: nobody can write to you yet. ', open,
      h('br'), h('span', { class: 'muted' }, 'This publishes your message key, made from your secret (it holds a small deposit, returned if you close the inbox).')))
  }

  const list = await conversations(app)
  section.append(h('h2', {}, 'Conversations'))
  if (list.length === 0) {
    section.append(h('p', { class: 'muted' }, 'Nobody has written to you yet.'))
  } else {
    section.append(h('ul', { class: 'conversations' }, list.map((entry) => {
      // The whole entry opens the conversation; the name fills in as @handle when there is one.
      const name = h('a', { href: `#/messages/${entry.with}`, class: 'conversation-link author' }, shortAddress(entry.with))
      app.displayName(entry.with).then((text) => { name.textContent = text })
      return h('li', { class: entry.unread ? 'unread' : null, dataset: { with: entry.with } }, name,
        entry.unread ? h('span', { class: 'badge' }, ` ${entry.unread} new`) : null,
        ' · ', blockTimeElement(app, entry.latest.sentAt))
    })))
  }
  const to = h('input', { id: 'message-to', name: 'to', placeholder: '@handle or address', autocomplete: 'off', required: true })
  section.append(messageForm(app, {
    label: 'Message',
    extra: [h('h2', {}, 'New message'), h('label', { for: 'message-to' }, 'To'), to],
    onSend: async (text) => {
      const address = await app.resolveAccount(to.value.trim())
      await sendTo(app, address, text)
      window.location.hash = `#/messages/${address}`
    }
  }))

  if (mailbox) section.append(await inboxSettings(app, mailbox, reload))
  return section
}

/** One conversation: both sides, oldest first, and a reply box. */
export async function conversationView (app, who, reload) {
  if (!app.me) throw new UserError('Choose an account first.')
  myMessageKeys(app)
  const other = await app.resolveAccount(who)
  if (other === app.me.address) throw new UserError('That is you: write to someone else.')
  const messages = await conversation(app, other)
  const section = h('section', { class: 'conversation' },
    h('p', {}, h('a', { href: '#/messages' }, '← Messages')),
    h('h1', {}, 'With ', accountLink(app, other)))
  const list = h('ol', { class: 'message-list' })
  for (const { notice, mine } of messages) {
    const remove = mine ? null : h('button', { type: 'button', class: 'link remove-message' }, 'Delete')
    remove?.addEventListener('click', () => busy(app, remove, async () => {
      await app.send(app.chain.api.tx.messages.removeNotice(app.me.address, notice.id), 'Deleted (the sender got their deposit back).')
      reload()
    }))
    const unread = !mine && isUnread(app, notice)
    append(list, h('li', { class: `message ${mine ? 'mine' : 'theirs'}${unread ? ' unread' : ''}`, dataset: { messageId: notice.id } },
      messageBody(mine ? openSent(app, notice.envelope) : openReceived(app, notice)),
      h('span', { class: 'muted meta' }, mine ? 'You · ' : null, blockTimeElement(app, notice.sentAt), remove ? ' · ' : null, remove)))
  }
  const received = messages.filter((m) => !m.mine).map((m) => m.notice.id)
  if (received.length > 0) {
    markSeen(app, other, Math.max(...received))
    app.refreshCounts()
  }
  section.append(messages.length === 0 ? h('p', { class: 'muted' }, 'No messages yet.') : list)
  const mailbox = await app.chain.call('social_mailbox', [other])
  if (!mailbox) {
    section.append(h('p', { class: 'hint' }, 'They have not opened their inbox (published a message key): you cannot write to them yet.'))
  } else {
    section.append(messageForm(app, {
      label: 'Reply (Ctrl+Enter sends)',
      onSend: async (text) => {
        await sendTo(app, other, text)
        reload()
      }
    }))
  }
  return section
}
