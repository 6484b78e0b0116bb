// Home: a composer, then one's own posts and those of the accounts one follows, newest first.
// A newcomer who follows nobody is pointed to Discover.

import { h } from '../dom.js'
import { busy } from '../app.js'
import { composer } from '../compose.js'
import { mergedPages } from '../merge.js'
import { postList } from '../post.js'

const PAGE = 20

export async function feedView (app, reload) {
  if (!app.me) {
    return h('section', {}, h('h1', {}, 'Welcome to Agora'),
      h('p', {}, 'Choose an account in ', h('a', { href: '#/settings' }, 'Settings'), ' to read your feed and post, or ',
        h('a', { href: '#/discover' }, 'discover'), ' what people write.'))
  }
  const compose = composer(app, {
    label: 'Post',
    name: 'post',
    placeholder: 'What is on your mind?',
    onSubmit: async ({ cid, size }) => {
      const events = await app.send(app.chain.api.tx.posts.createPost(cid, size), 'Posted.')
      const created = events.find((e) => e.section === 'posts' && e.method === 'PostCreated')
      if (created) app.notify(`Posted #${created.data.postId}.`, 'ok')
      reload()
    }
  })
  const address = app.me.address
  const counts = await app.chain.call('social_followCounts', [address])
  const pages = mergedPages([
    (cursor) => app.chain.call('social_feed', [address, cursor, PAGE]),
    (cursor) => app.chain.call('social_authorPosts', [address, cursor, PAGE])
  ])
  const feed = h('div', { id: 'feed' })
  const section = h('section', {}, h('h1', {}, 'Home'), compose)
  if (counts.following === 0) {
    section.append(h('p', { class: 'hint' }, 'You follow nobody yet. ', h('a', { href: '#/discover' }, 'Discover'),
      ' the latest posts from everyone, open a profile and press Follow.'))
  }
  section.append(feed)
  await loadPage(app, feed, pages, reload)
  return section
}

async function loadPage (app, feed, pages, reload) {
  const { items, more } = await pages.take(PAGE)
  if (items.length === 0 && feed.childElementCount === 0) {
    feed.append(h('p', { class: 'muted' }, 'Nothing here yet: write your first post above.'))
    return
  }
  feed.append(postList(app, items, { onChange: reload }))
  if (more) {
    const button = h('button', { type: 'button', class: 'more' }, 'Older posts')
    button.addEventListener('click', () => busy(app, button, async () => { button.remove(); await loadPage(app, feed, pages, reload) }))
    feed.append(button)
  }
}
