// Notifications (#/notifications), from the indexer: who replied to, mentioned, quoted,
// reposted or reacted to the signed-in account's posts, followed it, or wrote to it, newest
// first. Opening the page marks them read, which the account signs (the indexer moves the
// marker only for the account's own signature, docs/indexer.md); the header's count follows.

import { stringToU8a, u8aToHex } from '@polkadot/util'
import { UserError } from '@agora/chain'
import { markReadMessage } from '@agora/chain/mark-read'

import { h, show } from '../dom.js'
import { bodySlot } from '../body.js'
import { busy } from '../app.js'
import { accountLink } from '../post.js'
import { blockTimeElement } from '../time.js'

/** What happened, after the actor's name. */
function what (item) {
  const post = (id) => h('a', { href: `#/post/${id}` }, `your post #${id}`)
  switch (item.kind) {
    case 'reply': return [' replied to ', post(item.subject)]
    case 'quote': return [' quoted ', post(item.subject)]
    case 'mention': return [' mentioned you']
    case 'repost': return [' reposted ', post(item.subject)]
    case 'reaction': return [` reacted ${item.reaction ?? ''} to `, post(item.subject)]
    case 'follow': return [' followed you']
    case 'message': return [' wrote to you: ', h('a', { href: `#/messages/${item.actor}` }, 'open the conversation')]
    default: return [` (${item.kind})`]
  }
}

/**
 * The actor's post the notification is about (a reply, a quote, a mention), as the chain has it
 * now: its body read from IPFS by the CID on chain, not the indexer's copy; "deleted" when the
 * chain no longer has it.
 */
function excerpt (app, item) {
  if (!item.post) return null
  const box = h('a', { href: `#/post/${item.post.id}`, class: 'excerpt' })
  app.chain.call('social_post', [item.post.id]).then((post) => {
    if (!post) return show(box, h('span', { class: 'muted' }, 'This post was deleted.'))
    if (post.content) show(box, bodySlot(app, post.content))
  }).catch(() => show(box, h('span', { class: 'muted' }, 'This post could not be read.')))
  return box
}

/**
 * Signs and sends the request that marks every notification up to `upTo` read. Keys of this
 * browser sign directly; an extension signs the same text as raw bytes (and asks its owner).
 * Only the account's own key may: an app key or heir acting for it cannot.
 */
export async function markRead (app, upTo) {
  const me = app.me
  if (me?.kind === 'acting') throw new UserError('Only the account\'s own key marks its notifications read.')
  if (!me?.key) throw new UserError('Unlock your key to mark notifications read.')
  const status = await app.indexer.get('/status')
  const genesis = app.chain.api.genesisHash.toHex()
  if (status.genesis !== genesis) throw new UserError('The indexer follows another chain than this node: its notifications are not yours.')
  const at = Date.now()
  const message = stringToU8a(markReadMessage({ genesis, account: me.address, upTo: String(upTo), at }))
  const signature = me.key.sign
    ? u8aToHex(me.key.sign(message))
    : (await me.key.signer.signRaw({ address: me.address, data: u8aToHex(message), type: 'bytes' })).signature
  return app.indexer.post('/mark-read', { account: me.address, upTo: String(upTo), at, signature })
}

export async function notificationsView (app, reload) {
  const section = h('section', { class: 'notifications' }, h('h1', {}, 'Notifications'))
  if (!app.indexer) {
    section.append(h('p', {}, 'This page was served without an indexer, so there are no notifications here.'))
    return section
  }
  if (!app.me) {
    section.append(h('p', {}, 'Choose an account at the top of the page.'))
    return section
  }
  const list = h('ol', { class: 'notification-list' })
  const newest = { id: null }
  async function load (after) {
    const page = await app.indexer.get('/notifications', { account: app.me.address, after, limit: 30 })
    if (!after && page.items.length === 0) list.append(h('li', { class: 'muted' }, 'Nothing yet. Replies, mentions, quotes, reposts, reactions, follows and messages show up here.'))
    newest.id ??= page.items[0]?.id ?? null
    for (const item of page.items) {
      list.append(h('li', { class: `notification ${item.read ? 'read' : 'unread'}`, dataset: { kind: item.kind, id: item.id } },
        h('p', {}, accountLink(app, item.actor, { class: 'author' }), what(item), ' · ', blockTimeElement(app, item.block)),
        excerpt(app, item)))
    }
    if (page.next) {
      const more = h('button', { type: 'button', class: 'more' }, 'Load more')
      more.addEventListener('click', () => busy(app, more, async () => { more.remove(); await load(page.next) }))
      list.append(h('li', {}, more))
    }
  }
  await load(null)
  section.append(list)
  const unread = list.querySelector('.notification.unread')
  if (unread && newest.id !== null && app.me.kind !== 'acting') {
    // A key this page holds signs at once (shown as unread this time, read from now on); an
    // extension asks its owner, so that waits for a click, as does a locked key.
    if (app.me.key && app.me.kind !== 'extension') {
      markRead(app, newest.id).then(() => app.refreshCounts?.()).catch((error) => app.notify(error.message, 'error'))
    } else {
      const mark = h('button', { type: 'button', class: 'mark-read' }, 'Mark all read')
      mark.addEventListener('click', () => busy(app, mark, async () => { await markRead(app, newest.id); reload() }))
      section.insertBefore(h('p', {}, mark), list)
    }
  }
  return section
}
