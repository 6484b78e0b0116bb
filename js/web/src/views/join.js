// Joining without tokens. A newcomer makes a key here, in their own browser (nothing secret
// ever leaves it), or picks an account of the Polkadot.js extension, and gets a link to send to someone already on Agora; that link opens the
// Invite page with the newcomer's address, where one click offers to pay their fees. This page
// watches the chain for the offer, then: accept it (the offer pays that fee), choose a name,
// write a first post, never holding a token.

import { h, show } from '../dom.js'
import { busy } from '../app.js'
import { composer } from '../compose.js'
import { createKeyForm, unlockForm } from '../keyforms.js'
import { allowanceLeft, formatAmount, upload } from '@agora/chain'

/** How often the page looks for a sponsor's offer. */
const WATCH_MS = 2000

export async function joinView (app, current) {
  const stage = h('div', { class: 'join-stage' })
  const section = h('section', { class: 'join' }, h('h1', {}, 'Join Agora'), stage)
  let step = 0
  const next = () => {
    const mine = ++step
    draw(() => mine === step && current()).catch((error) => app.notify(error.message, 'error'))
  }

  async function draw (still) {
    const me = app.me
    // A key of this browser, or an account of the Polkadot.js extension, joins the same way.
    if (me?.kind !== 'browser' && me?.kind !== 'extension') {
      const extension = app.accounts.some((account) => account.kind === 'extension')
      show(stage,
        h('p', {}, 'You need no tokens to join: someone already on Agora offers to pay your first fees. ',
          'First, make your key. It stays in this browser, locked by a password.'),
        createKeyForm(app, next),
        h('p', { class: 'muted' }, 'Have a recovery phrase already? ', h('a', { href: '#/keys' }, 'Import it'), '.'),
        extension ? h('p', { class: 'muted' }, 'Or join with an account of your Polkadot.js extension: choose it at the top of the page.') : null)
      return
    }
    if (!me.key) {
      show(stage, unlockForm(app, me, next))
      return
    }
    const { api } = app.chain
    const look = () => Promise.all([api.query.sponsorship.sponsorships(me.address), api.query.sponsorship.offers.entries(me.address)])
    const [record, offers] = await look()
    if (!still()) return
    if (record.isSome) return showSponsored(me, record.unwrap())
    if (offers.length > 0) return showOffers(me, offers.map(([, offer]) => offer.unwrap()))
    const link = `${window.location.href.split('#')[0]}#/invite?to=${me.address}`
    show(stage,
      h('p', {}, 'Your address: ', h('code', { class: 'my-address' }, me.address)),
      h('p', {}, 'Now ask someone on Agora to sponsor you: send them this link. It carries your address only; ',
        'they choose how much of your fees to pay and offer it with one click.'),
      h('p', {}, h('a', { class: 'request-link', href: link }, link)),
      h('p', { class: 'muted waiting' }, 'Waiting for an offer… this page notices it by itself.'))
    // Looks again until an offer comes, without redrawing the page meanwhile (the person may be
    // selecting the link); a failed look is tried again.
    const watch = async () => {
      if (!still()) return
      const [again, waiting] = await look().catch(() => [{ isSome: false }, []])
      if (!still()) return
      if (again.isSome || waiting.length > 0) next()
      else setTimeout(watch, WATCH_MS)
    }
    setTimeout(watch, WATCH_MS)
  }

  async function showOffers (me, offers) {
    const items = await Promise.all(offers.map(async (offer) => {
      const sponsor = offer.sponsor.toString()
      const accept = h('button', { type: 'button', class: 'accept', 'data-sponsor': sponsor }, 'Accept')
      accept.addEventListener('click', () => busy(app, accept, async () => {
        await app.send(app.chain.api.tx.sponsorship.accept(sponsor), 'Accepted: your sponsor pays your fees now.')
        next()
      }))
      return h('li', {}, h('a', { href: `#/u/${sponsor}` }, await app.displayName(sponsor)),
        ` offers to pay your fees and deposits, up to ${formatAmount(app.chain.api, offer.allowance.toBigInt())}. `, accept)
    }))
    show(stage, h('p', {}, 'You have an offer:'), h('ul', { class: 'offers' }, items))
  }

  async function showSponsored (me, record) {
    const { api } = app.chain
    const sponsor = record.sponsor.toString()
    const left = h('span', { class: 'left' }, leftText(record))
    /** What is left of the allowance, read again after each of the newcomer's calls. */
    const refresh = () => api.query.sponsorship.sponsorships(me.address)
      .then((now) => { if (now.isSome) left.textContent = leftText(now.unwrap()) })
      .catch(() => {})
    const [nameLabel, nameForm] = nameSetter(me, () => refresh())
    const post = composer(app, {
      label: 'Post',
      placeholder: 'Your first post',
      name: 'post',
      onSubmit: async ({ cid, size }) => {
        const events = await app.send(api.tx.posts.createPost(cid, size), 'Posted.')
        const id = events.find((e) => e.method === 'PostCreated')?.data.postId
        app.notify(`Posted #${id}. Find it, and others, on Discover.`)
        refresh()
      }
    })
    show(stage,
      h('p', { class: 'sponsored' }, h('a', { href: `#/u/${sponsor}` }, await app.displayName(sponsor)),
        ' pays your fees and deposits: ', left, ' left.'),
      h('h2', {}, nameLabel), nameForm,
      h('h2', {}, 'Say hello'), post,
      h('p', { class: 'muted' }, 'Then ', h('a', { href: '#/discover' }, 'find people to follow'), '.'))
  }

  function leftText (record) {
    return formatAmount(app.chain.api, allowanceLeft(record), { digits: 4 })
  }

  function nameSetter (me, saved) {
    const input = h('input', { id: 'join-name', name: 'name', maxlength: 64, required: true })
    const save = h('button', { type: 'submit' }, 'Save name')
    const form = h('form', { class: 'name-form' }, h('label', { for: 'join-name' }, 'The name people see'), input, save)
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      busy(app, save, async () => {
        const { cid, size } = await upload(app.chain.call, JSON.stringify({ name: input.value, bio: '' }))
        await app.send(app.chain.api.tx.profiles.setProfile(cid, size), 'Name saved.')
        app.forgetName(me.address)
        saved()
      })
    })
    return ['Your name', form]
  }

  next()
  return section
}
