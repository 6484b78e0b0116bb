// The signed-in account, and its profile: name and bio (a JSON document on IPFS) and handle.
// Every field has a label bound to it, so it can be reached and named from the keyboard.

import { append, h } from '../dom.js'
import { busy } from '../app.js'
import { upload } from '@agora/chain'

export async function settingsView (app, reload) {
  const section = h('section', {}, h('h1', {}, 'Settings'))
  if (app.accounts.length === 0) {
    section.append(h('p', {}, 'No account to sign with. New here? ', h('a', { href: '#/join' }, 'Join'),
      ': make a key in this browser, no tokens needed. Or install the Polkadot.js extension and allow this page.'))
    return section
  }
  if (!app.me) {
    section.append(h('p', {}, 'Choose an account at the top of the page.'))
    return section
  }
  const profile = await app.chain.call('social_profile', [app.me.address])
  const name = h('input', { name: 'name', id: 'profile-name', maxlength: 64 })
  const bio = h('textarea', { name: 'bio', id: 'profile-bio', maxlength: 1000, rows: 3 })
  // The form is there at once; the current name and bio fill in when IPFS delivers the
  // document, unless the person has started typing.
  if (profile) {
    app.download(profile.metadata).then((doc) => {
      let current = {}
      try { current = JSON.parse(doc.text ?? '{}') ?? {} } catch {}
      if (name.value === '' && typeof current.name === 'string') name.value = current.name
      if (bio.value === '' && typeof current.bio === 'string') bio.value = current.bio
    })
  }
  const save = h('button', { type: 'submit' }, 'Save profile')
  const profileForm = h('form', { class: 'profile-form' }, h('label', { for: 'profile-name' }, 'Name'), name, h('label', { for: 'profile-bio' }, 'Bio'), bio, save)
  profileForm.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, save, async () => {
      const { cid, size } = await upload(app.chain.call, JSON.stringify({ name: name.value, bio: bio.value }))
      await app.send(app.chain.api.tx.profiles.setProfile(cid, size), 'Profile saved.')
      app.forgetName(app.me.address)
    })
  })

  const handle = h('input', { name: 'handle', id: 'profile-handle', maxlength: 32, value: profile?.handle ?? '', placeholder: 'letters, digits, _' })
  const take = h('button', { type: 'submit' }, 'Set handle')
  const handleForm = h('form', { class: 'handle-form' }, h('label', { for: 'profile-handle' }, 'Handle'), h('span', { class: 'at' }, '@', handle), take)
  handleForm.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, take, async () => {
      await app.send(app.chain.api.tx.profiles.setHandle(handle.value), `Your handle is @${handle.value.toLowerCase()}.`)
      app.forgetName(app.me.address)
    })
  })
  append(section,
    h('p', {}, 'Signed in as ', h('strong', {}, app.me.name), h('br'), h('code', {}, app.me.address)),
    app.me.kind === 'browser' ? h('p', {}, 'A key of this browser: ', h('a', { href: '#/keys' }, app.me.key ? 'its recovery phrase' : 'unlock it'), '.') : null,
    app.me.kind === 'dev' ? h('p', { class: 'warning' }, 'This is a development account: its secret is public. Use it on a local chain only.') : null,
    h('h2', {}, 'Profile'), profileForm,
    h('h2', {}, 'Handle'), handleForm)
  return section
}
