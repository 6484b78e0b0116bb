// A profile by @handle or address: the profile document, counts, follow/unfollow, posts, and
// the lists of followers and followed accounts. The page shows at once from chain data; the
// name and bio fill in when IPFS delivers the profile document.

import { h, show, shortAddress } from '../dom.js'
import { busy } from '../app.js'
import { accountLink, postList } from '../post.js'
import { avatarElement } from '../avatar.js'
import { readDocument } from '../profiledoc.js'

async function accountList (app, method, address) {
  const page = await app.chain.call(method, [address, null, 100])
  if (page.items.length === 0) return h('p', { class: 'muted' }, 'None.')
  return h('ul', {}, page.items.map((account) => h('li', {}, accountLink(app, account))),
    page.next ? h('li', { class: 'muted' }, '…and more') : null)
}

/** Name and bio, filled into `nameElement` and `docElement` when the document arrives. */
function fillDocument (app, cid, nameElement, docElement) {
  docElement.dataset.state = 'pending'
  show(docElement, h('span', { class: 'muted' }, 'Fetching the profile…'))
  app.download(cid).then((doc) => {
    if (doc.error !== undefined) {
      docElement.dataset.state = 'missing'
      show(docElement, h('span', { class: 'muted' }, 'Name and bio not available: IPFS could not find the profile document right now.'))
      return
    }
    const { name, bio } = readDocument(doc.text)
    if (name) nameElement.textContent = name
    docElement.dataset.state = 'shown'
    show(docElement, bio ? h('p', { class: 'bio' }, bio) : null)
  })
}

export async function profileView (app, who, reload) {
  const address = await app.resolveAccount(who)
  const [profile, counts, posts, followers, following] = await Promise.all([
    app.chain.call('social_profile', [address]),
    app.chain.call('social_followCounts', [address]),
    app.chain.call('social_authorPosts', [address, null, 20]),
    accountList(app, 'social_followers', address),
    accountList(app, 'social_following', address)
  ])
  const name = h('h1', { class: 'profile-name' }, profile?.handle ? `@${profile.handle}` : shortAddress(address))
  const doc = h('div', { class: 'profile-doc' })
  if (profile) fillDocument(app, profile.metadata, name, doc)

  const header = h('div', { class: 'profile-header' },
    avatarElement(app, address, 'large'),
    name,
    profile?.handle ? h('p', { class: 'handle' }, `@${profile.handle}`) : null,
    h('p', { class: 'muted address' }, address),
    doc,
    h('p', { class: 'counts' }, h('span', { class: 'followers-count' }, `${counts.followers} followers`), ' · ',
      h('span', { class: 'following-count' }, `${counts.following} following`)))

  if (app.me && app.me.address !== address) {
    // One storage read: does the signed-in account follow this one?
    const follows = (await app.chain.api.query.follows.following(app.me.address, address)).isSome
    const button = h('button', { type: 'button', class: follows ? 'unfollow' : 'follow' }, follows ? 'Unfollow' : 'Follow')
    button.addEventListener('click', () => busy(app, button, async () => {
      const tx = follows ? app.chain.api.tx.follows.unfollow(address) : app.chain.api.tx.follows.follow(address)
      await app.send(tx, follows ? 'Unfollowed.' : 'Following.')
      reload()
    }))
    header.append(button)
  } else if (app.me) {
    header.append(h('a', { href: '#/settings', class: 'button edit-profile' }, 'Edit profile'))
  }

  const lists = h('div', { class: 'lists' },
    h('details', { class: 'followers' }, h('summary', {}, 'Followers'), followers),
    h('details', { class: 'following' }, h('summary', {}, 'Following'), following))
  return h('section', { class: 'profile', dataset: { account: address } }, header, lists, h('h2', {}, 'Posts'),
    postList(app, posts.items, { onChange: reload }))
}
