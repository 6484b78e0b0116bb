// Inviting someone: they make a key on their own Join page and send back a link to this page
// with their address (`#/invite?to=<address>`); here one click offers to pay their fees and
// deposits up to an allowance (`sponsorship.sponsor`). Nothing is spent until they accept, and
// until then the offer can be taken back.

import { h, show } from '../dom.js'
import { busy } from '../app.js'
import { UserError, formatAmount, parseAmount } from '@agora/chain'
import { decodeAddress } from '@polkadot/util-crypto'

export async function inviteView (app, to) {
  const joinLink = `${window.location.href.split('#')[0]}#/join`
  const section = h('section', { class: 'invite' }, h('h1', {}, 'Invite someone'),
    h('p', {}, 'Someone new needs no tokens: you pay their first fees. Send them the Join page, ',
      h('a', { href: joinLink, class: 'join-link' }, joinLink),
      '. They make a key there and send you back a link to this page with their address.'))
  if (!app.me) {
    section.append(h('p', {}, 'Choose the account that pays at the top of the page.'))
    return section
  }
  const { api } = app.chain
  const address = h('input', { id: 'invite-to', name: 'to', value: to ?? '', required: true, autocomplete: 'off', spellcheck: 'false' })
  const allowance = h('input', { id: 'invite-allowance', name: 'allowance', value: '1', inputmode: 'decimal', required: true })
  const offer = h('button', { type: 'submit' }, 'Offer to sponsor')
  const after = h('div', { class: 'offer-state' })
  const form = h('form', { class: 'invite-form' },
    h('label', { for: 'invite-to' }, 'Their address'), address,
    h('label', { for: 'invite-allowance' }, 'The most you pay for their fees and deposits (AGORA)'), allowance,
    h('p', {}, offer), after)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, offer, async () => {
      const who = address.value.trim()
      try { decodeAddress(who) } catch { throw new UserError('That is not an Agora address: copy it whole from their Join page.') }
      const amount = parseAmount(api, allowance.value.trim(), 'The allowance')
      await app.send(api.tx.sponsorship.sponsor(who, amount),
        `Offered ${formatAmount(api, amount)}: they can accept it on their Join page now.`)
      const withdraw = h('button', { type: 'button', class: 'withdraw' }, 'Take the offer back')
      withdraw.addEventListener('click', () => busy(app, withdraw, async () => {
        await app.send(api.tx.sponsorship.withdrawOffer(who), 'Offer taken back.')
        show(after)
      }))
      show(after, h('p', {}, 'Until they accept, you can ', withdraw, '.'))
    })
  })
  section.append(h('p', {}, 'Paying as ', h('strong', {}, app.me.name), '.'), form)
  return section
}
