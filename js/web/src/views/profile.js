// A profile by @handle or address: the profile document, counts, follow/unfollow, posts, and
// the lists of followers and followed accounts.

import { h, shortAddress } from '../dom.js'
import { busy } from '../app.js'
import { UserError } from '@agora/chain'
import { postList } from '../post.js'

/** The profile document as `{ name, bio }` when it is such JSON, else its text as the bio. */
function readDocument (text) {
  try {
    const doc = JSON.parse(text)
    if (doc && typeof doc === 'object') {
      return { name: typeof doc.name === 'string' ? doc.name : null, bio: typeof doc.bio === 'string' ? doc.bio : null }
    }
  } catch {}
  return { name: null, bio: text }
}

async function resolve (app, who) {
  if (who.startsWith('@')) {
    const profile = await app.chain.call('social_profileByHandle', [who.slice(1)])
    if (!profile) throw new UserError(`Nobody holds the handle ${who}.`)
    return profile.account
  }
  try {
    app.chain.api.createType('AccountId', who)
  } catch {
    throw new UserError(`"${who}" is not an account.`)
  }
  return who
}

async function accountList (app, method, address) {
  const page = await app.chain.call(method, [address, null, 100])
  if (page.items.length === 0) return h('p', { class: 'muted' }, 'None.')
  const items = await Promise.all(page.items.map(async (account) => h('li', {}, h('a', { href: `#/u/${account}` }, await app.displayName(account)))))
  return h('ul', {}, items, page.next ? h('li', { class: 'muted' }, '…and more') : null)
}

export async function profileView (app, who, reload) {
  const address = await resolve(app, who)
  const [profile, counts, posts] = await Promise.all([
    app.chain.call('social_profile', [address]),
    app.chain.call('social_followCounts', [address]),
    app.chain.call('social_authorPosts', [address, null, 20])
  ])
  const doc = profile ? await app.download(profile.metadata) : null
  const { name, bio } = doc?.text !== undefined ? readDocument(doc.text) : { name: null, bio: null }

  const header = h('div', { class: 'profile-header' },
    h('h1', { class: 'profile-name' }, name ?? (profile?.handle ? `@${profile.handle}` : shortAddress(address))),
    profile?.handle ? h('p', { class: 'handle' }, `@${profile.handle}`) : null,
    h('p', { class: 'muted address' }, address),
    bio ? h('p', { class: 'bio' }, bio) : null,
    doc?.error ? h('p', { class: 'muted' }, `[profile document unavailable: ${doc.error}]`) : null,
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
    header.append(h('a', { href: '#/settings', class: 'button' }, 'Edit profile'))
  }

  const lists = h('div', { class: 'lists' },
    h('details', { class: 'followers' }, h('summary', {}, 'Followers'), await accountList(app, 'social_followers', address)),
    h('details', { class: 'following' }, h('summary', {}, 'Following'), await accountList(app, 'social_following', address)))
  return h('section', {}, header, lists, h('h2', {}, 'Posts'), await postList(app, posts.items, { onChange: reload }))
}
