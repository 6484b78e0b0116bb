// The signed-in account, and its profile: name and bio (a JSON document on IPFS) and handle.
// Every field has a label bound to it, so it can be reached and named from the keyboard.

import { append, h } from '../dom.js'
import { busy } from '../app.js'
import { upload } from '@agora/chain'
import { avatarFromFile, isAvatar } from '../avatar.js'
import { readDocument } from '../profiledoc.js'

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
  const picture = h('input', { name: 'picture', id: 'profile-picture', type: 'file', accept: 'image/*' })
  const preview = h('span', { class: 'avatar avatar-large picture-preview' })
  // The picture kept when none is chosen: the current one, once the document arrives.
  let avatar = null
  let chosen = null
  picture.addEventListener('change', () => busy(app, picture, async () => {
    chosen = picture.files[0] ? await avatarFromFile(picture.files[0]) : null
    preview.replaceChildren(chosen ? h('img', { src: chosen, alt: 'The new picture' }) : '')
  }))
  // The form is there at once; the current name, bio and picture fill in when IPFS delivers
  // the document, unless the person has started typing.
  if (profile) {
    app.download(profile.metadata).then((doc) => {
      if (doc.error !== undefined) return
      const current = readDocument(doc.text)
      if (name.value === '' && current.name) name.value = current.name
      if (bio.value === '' && current.bio) bio.value = current.bio
      if (isAvatar(current.avatar)) {
        avatar = current.avatar
        if (!chosen) preview.replaceChildren(h('img', { src: avatar, alt: 'Your picture' }))
      }
    })
  }
  const save = h('button', { type: 'submit' }, 'Save profile')
  const profileForm = h('form', { class: 'profile-form' }, h('label', { for: 'profile-name' }, 'Name'), name, h('label', { for: 'profile-bio' }, 'Bio'), bio,
    h('label', { for: 'profile-picture' }, 'Picture (kept small, 128 × 128, without the file\'s metadata)'), h('div', { class: 'picture-row' }, preview, picture), save)
  profileForm.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, save, async () => {
      const kept = chosen ?? avatar
      const doc = { name: name.value, bio: bio.value, ...(kept ? { avatar: kept } : {}) }
      const { cid, size } = await upload(app.chain.call, JSON.stringify(doc))
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
    h('p', {}, h('a', { href: '#/access', class: 'access-link' }, 'App keys and recovery'), ': other keys that may act for this account, and friends who can give it back if you lose your key.'),
    h('p', {}, h('a', { href: '#/sponsorship', class: 'sponsorship-link' }, 'Sponsorship'), ': who pays your fees, and whose you pay.'),
    app.me.kind === 'dev' ? h('p', { class: 'warning' }, 'This is a development account: its secret is public. Use it on a local chain only.') : null,
    h('h2', {}, 'Profile'), profileForm,
    h('h2', {}, 'Handle'), handleForm)
  return section
}
