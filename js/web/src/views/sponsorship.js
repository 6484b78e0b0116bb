// Sponsorship (#/sponsorship): who pays for the signed-in account and what is left, offers
// waiting for it (accept one), leaving; whom it sponsors, what each has cost so far (fees paid,
// deposits held), topping up and ending one. Offering to sponsor someone new is the Invite page.

import { h } from '../dom.js'
import { busy } from '../app.js'
import { accountLink } from '../post.js'
import { formatAmount, parseAmount, sponsorshipOf } from '@agora/chain'

/** A record's figures as a person reads them. */
function figures (app, record) {
  const amount = (value) => formatAmount(app.chain.api, value.planck, { digits: 4 })
  return h('dl', { class: 'figures' },
    h('dt', {}, 'Allowance'), h('dd', { class: 'allowance' }, amount(record.allowance)),
    h('dt', {}, 'Fees paid'), h('dd', { class: 'fees-paid' }, amount(record.feesPaid)),
    h('dt', {}, 'Deposits held'), h('dd', { class: 'deposits-held' }, amount(record.depositsHeld)),
    h('dt', {}, 'Left'), h('dd', { class: 'left' }, amount(record.left)))
}

function forMe (app, state, reload) {
  const { api } = app.chain
  const section = h('section', { class: 'my-sponsor' }, h('h2', {}, 'Who pays for you'))
  if (state.sponsorship) {
    const leave = h('button', { type: 'button', class: 'leave danger' }, 'Leave this sponsorship')
    leave.addEventListener('click', () => busy(app, leave, async () => {
      await app.send(api.tx.sponsorship.revoke(app.me.address), 'You left the sponsorship: you pay your own fees from now on.')
      reload()
    }))
    section.append(h('p', {}, accountLink(app, state.sponsorship.sponsor), ' pays your fees and deposits.'),
      figures(app, state.sponsorship), h('p', {}, leave, ' ', h('span', { class: 'muted' }, 'Deposits it holds for you stay until you remove what they pay for.')))
  } else {
    section.append(h('p', { class: 'muted' }, 'Nobody: you pay your own fees and deposits.'))
  }
  if (state.offers.length > 0) {
    section.append(h('h3', {}, 'Offers waiting for you'), h('ul', { class: 'offers' }, state.offers.map((offer) => {
      const accept = h('button', { type: 'button', class: 'accept' }, 'Accept')
      accept.addEventListener('click', () => busy(app, accept, async () => {
        await app.send(api.tx.sponsorship.accept(offer.sponsor), 'Accepted: your sponsor pays your fees now.')
        reload()
      }))
      return h('li', {}, accountLink(app, offer.sponsor), ` offers up to ${formatAmount(api, offer.allowance.planck, { digits: 4 })}. `, accept)
    })))
  }
  return section
}

async function sponsored (app, account, reload) {
  const { api } = app.chain
  const { sponsorship: record } = await sponsorshipOf(api, account)
  const item = h('li', { class: 'sponsored-account', dataset: { account } }, accountLink(app, account, { class: 'author' }))
  if (!record) return item
  const more = h('input', { name: 'more', 'aria-label': `How much more to allow ${account} (AGORA)`, value: '1', inputmode: 'decimal', size: 6 })
  const topUp = h('button', { type: 'submit' }, 'Top up')
  const form = h('form', { class: 'top-up-form' }, more, ' AGORA ', topUp)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    busy(app, topUp, async () => {
      const amount = parseAmount(api, more.value.trim(), 'The top-up')
      await app.send(api.tx.sponsorship.topUp(account, amount), `Allowance raised by ${formatAmount(api, amount)}.`)
      reload()
    })
  })
  const end = h('button', { type: 'button', class: 'end danger' }, 'End sponsorship')
  end.addEventListener('click', () => busy(app, end, async () => {
    await app.send(api.tx.sponsorship.revoke(account), 'Sponsorship ended: they pay their own fees from now on.')
    reload()
  }))
  item.append(figures(app, record), h('div', { class: 'sponsor-actions' }, form, end))
  return item
}

export async function sponsorshipView (app, reload) {
  const section = h('section', { class: 'sponsorship' }, h('h1', {}, 'Sponsorship'))
  if (!app.me) {
    section.append(h('p', {}, 'Choose an account at the top of the page.'))
    return section
  }
  const state = await sponsorshipOf(app.chain.api, app.me.address)
  section.append(forMe(app, state, reload))
  const mine = h('section', { class: 'i-sponsor' }, h('h2', {}, 'Whom you sponsor'),
    h('p', { class: 'muted' }, 'You pay their fees and hold their deposits up to each allowance. ', h('a', { href: '#/invite' }, 'Invite someone new'), '.'))
  if (state.sponsors.length === 0) mine.append(h('p', { class: 'muted' }, 'Nobody yet.'))
  else mine.append(h('ul', { class: 'sponsored-list' }, await Promise.all(state.sponsors.map((account) => sponsored(app, account, reload)))))
  section.append(mine)
  return section
}
