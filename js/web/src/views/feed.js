// Home: a composer and the newest posts of the accounts the signed-in account follows.

import { h } from '../dom.js'
import { busy } from '../app.js'
import { composer } from '../compose.js'
import { postList } from '../post.js'

export async function feedView (app, reload) {
  if (!app.me) {
    return h('section', {}, h('h1', {}, 'Welcome to Agora'),
      h('p', {}, 'Choose an account in ', h('a', { href: '#/settings' }, 'Settings'), ' to read your feed and post.'))
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
  const section = h('section', {}, h('h1', {}, 'Home'), compose)
  const feed = h('div', { id: 'feed' })
  section.append(feed)
  await loadPage(app, feed, null, reload)
  return section
}

async function loadPage (app, feed, cursor, reload) {
  const page = await app.chain.call('social_feed', [app.me.address, cursor, 20])
  if (!cursor && page.sources === 0) {
    feed.append(h('p', { class: 'muted' }, 'You follow nobody yet: open a profile and press Follow.'))
    return
  }
  feed.append(await postList(app, page.items, { onChange: reload }))
  if (page.next) {
    const more = h('button', { type: 'button', class: 'more' }, 'Older posts')
    more.addEventListener('click', () => busy(app, more, async () => { more.remove(); await loadPage(app, feed, page.next, reload) }))
    feed.append(more)
  }
}
