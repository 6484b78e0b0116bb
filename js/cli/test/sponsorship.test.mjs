// End-to-end: joining without tokens, by consent. //Alice offers to sponsor a brand-new key with
// 1 AGORA and the key accepts (the offer pays that fee); the key (0 balance) sets a profile,
// posts, replies, follows and reacts through the CLI; Alice pays exactly the fees and holds
// exactly the deposits; what the sponsorship does not cover is refused at the pool; deposits go
// back to Alice; after `revoke` the key pays for itself. A stranger's 1-planck offer blocks
// nobody. Prints the costs it measured (docs/sponsorship.md's table).

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { cliOn, startNetwork } from './harness.mjs'

let net
before(async () => { net = await startNetwork() })
after(async () => { await net?.stop() })

const { run, write, refused } = cliOn(() => net)
const AGORA = 10n ** 12n

/** Free and held (reserved) balance of `address`, and whether the account exists. */
async function balances (address) {
  const { data, providers, sufficients } = await net.api.query.system.account(address)
  return {
    free: data.free.toBigInt(),
    held: data.reserved.toBigInt(),
    exists: providers.toNumber() + sufficients.toNumber() > 0
  }
}

/** Runs a CLI write as `who` and returns what it cost: the fee the signer's tx paid, and
 *  what each account had put on hold or got back (`Held` / `Released` events). */
async function costOf (args, who) {
  const result = await write(args, who)
  const events = result.events
  const fee = events.filter((e) => e.section === 'transactionPayment' && e.method === 'TransactionFeePaid')
    .reduce((sum, e) => sum + BigInt(e.data.actualFee), 0n)
  const moved = (method) => events.filter((e) => e.section === 'balances' && e.method === method)
    .reduce((sum, e) => sum + BigInt(e.data.amount), 0n)
  return { fee, held: moved('Held'), released: moved('Released'), events }
}

function eventData (events, name) {
  const [section, method] = name.split('.')
  const found = events.find((e) => e.section === section && e.method === method)
  assert.ok(found, `no ${name} among ${JSON.stringify(events.map((e) => `${e.section}.${e.method}`))}`)
  return found.data
}

const agoraText = (planck) => (Number(planck) / 1e12).toFixed(6)

test('a sponsored key with no AGORA posts, follows and reacts; the sponsor pays exactly that', async () => {
  const alice = net.alice
  const bob = await net.freshAccount()
  const newcomer = net.newKey()
  assert.equal((await balances(newcomer.address)).exists, false, 'a brand-new key')

  // Before: the key cannot do anything.
  assert.match(await refused(['post', 'hello?'], newcomer), /refused the transaction: .*(Inability to pay|Payment)/)

  const beforeSponsor = await balances(alice.address)
  await write(['sponsor', newcomer.address, '--allowance', '1'], alice, 'sponsorship.Offered')
  const offered = (await run(['sponsorship', 'show', newcomer.address])).json
  assert.equal(offered.sponsorship, null, 'an offer sponsors nothing yet')
  assert.equal(offered.offers[0].sponsor, alice.address)
  const accepted = await costOf(['sponsorship', 'accept', alice.address], newcomer)
  eventData(accepted.events, 'sponsorship.Sponsored')
  assert.ok(accepted.fee > 0n, 'accepting paid a fee, from the offer')
  const shown = (await run(['sponsorship', 'show', newcomer.address])).json
  assert.equal(shown.sponsorship.sponsor, alice.address)
  assert.equal(shown.sponsorship.left.planck, String(AGORA - accepted.fee))
  assert.ok((await run(['sponsorship', 'show', alice.address])).json.sponsors.includes(newcomer.address))

  const before = await balances(alice.address)
  const bobsPost = eventData((await write(['post', 'welcome!'], bob)).events, 'posts.PostCreated').postId
  const costs = {}
  const act = async (name, args) => {
    const cost = await costOf(args, newcomer)
    assert.ok(cost.fee > 0n, `${name} paid a fee`)
    costs[name] = cost
    return cost
  }
  await act('set a profile', ['profile', 'set', '{"name":"Newcomer"}'])
  const post = await act('post', ['post', 'my first words on Agora'])
  const postId = eventData(post.events, 'posts.PostCreated').postId
  await act('reply', ['reply', String(bobsPost), 'thanks!'])
  await act('follow', ['follow', bob.address])
  await act('react', ['react', String(bobsPost), 'like'])

  const fees = Object.values(costs).reduce((sum, c) => sum + c.fee, 0n)
  const deposits = Object.values(costs).reduce((sum, c) => sum + c.held, 0n)
  const afterActs = await balances(alice.address)
  assert.equal(before.free - afterActs.free, fees + deposits, 'Alice paid exactly the fees and put exactly the deposits on hold')
  assert.equal(afterActs.held - before.held, deposits, 'Alice holds exactly the deposits')
  assert.deepEqual(await balances(newcomer.address), { free: 0n, held: 0n, exists: true }, 'the key still has nothing')
  const books = (await run(['sponsorship', 'show', newcomer.address])).json.sponsorship
  assert.equal(BigInt(books.feesPaid.planck), fees + accepted.fee, 'the books count the fees')
  assert.equal(BigInt(books.depositsHeld.planck), deposits, 'and the deposits')
  assert.equal(BigInt(books.left.planck), AGORA - accepted.fee - fees - deposits)

  // Not covered: a transfer from the key is refused at the pool; nobody pays anything.
  const aliceNow = await balances(alice.address)
  await assert.rejects(
    net.submitAs(newcomer, net.api.tx.balances.transferKeepAlive(bob.address, 1n)),
    /refused the transaction: .*(Inability to pay|Payment)/)
  assert.deepEqual(await balances(alice.address), aliceNow, 'the refused transfer cost Alice nothing')

  // Deleting the post gives its deposit back to Alice.
  const deleted = await costOf(['delete', String(postId)], newcomer)
  assert.equal(deleted.released, costs.post.held, "the post's deposit is released")
  const afterDelete = await balances(alice.address)
  assert.equal(afterDelete.held, afterActs.held - costs.post.held, 'back from Alice\'s held balance')
  assert.equal(afterDelete.free, afterActs.free + costs.post.held - deleted.fee, 'to her free balance, less the fee of the delete')

  // Revoked: the key's new posts are refused until it holds AGORA of its own...
  await write(['sponsor', 'revoke', newcomer.address], alice, 'sponsorship.Revoked')
  assert.equal((await run(['sponsorship', 'show', newcomer.address])).json.sponsorship, null)
  assert.match(await refused(['post', 'still there?'], newcomer), /refused the transaction: .*(Inability to pay|Payment)/)
  // ... but with nothing at all it still removes what it has: each fee comes out of the deposit
  // the removal gives back to Alice.
  for (const [args, name] of [[['unreact', String(bobsPost)], 'react'], [['unfollow', bob.address], 'follow']]) {
    const aliceBefore = await balances(alice.address)
    const removal = await costOf(args, newcomer)
    const aliceAfter = await balances(alice.address)
    assert.equal(removal.released, costs[name].held, `${args[0]}: the deposit is released`)
    assert.equal(aliceAfter.free - aliceBefore.free, costs[name].held - removal.fee, `${args[0]}: back to Alice, less its fee`)
    assert.deepEqual(await balances(newcomer.address), { free: 0n, held: 0n, exists: true }, 'the key still has nothing')
  }
  const aliceAfterRevoke = await balances(alice.address)
  await net.submitAs(alice, net.api.tx.balances.transferKeepAlive(newcomer.address, AGORA))
  const own = await costOf(['post', 'paying my own way now'], newcomer)
  const mine = await balances(newcomer.address)
  assert.equal(mine.held, own.held, 'the key holds its own deposit')
  assert.equal(mine.free, AGORA - own.fee - own.held, 'and paid its own fee')
  const transferFee = aliceAfterRevoke.free - (await balances(alice.address)).free - AGORA
  assert.ok(transferFee > 0n && transferFee < AGORA / 100n, 'Alice paid only the transfer, not the post')

  // Costs measured in this run.
  console.log('| action | fee (AGORA) | deposit held (AGORA) |')
  console.log('|---|---|---|')
  for (const [name, { fee, held }] of Object.entries(costs)) {
    console.log(`| ${name} | ${agoraText(fee)} | ${agoraText(held)} |`)
  }
  console.log(`| delete the post | ${agoraText(deleted.fee)} | −${agoraText(deleted.released)} (back to the sponsor) |`)
  const record = before.held - beforeSponsor.held
  console.log(`| sponsor (the sponsor's own call, the offer) and accept (paid by the offer) | ${agoraText(beforeSponsor.free - before.free - record)} | ${agoraText(record)} (the record, back at revoke) |`)
})

test('when the allowance runs out the next call is refused at the pool, and nothing passes the allowance', async () => {
  const sponsor = await net.freshAccount()
  const dave = net.newKey()
  // Enough for one post and half the fee of the next.
  const estimate = await net.api.tx.posts.createPost('bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4', 100)
    .paymentInfo(sponsor.address)
  const fee = estimate.partialFee.toBigInt()
  const firstPost = await (async () => {
    const probe = net.newKey()
    await write(['sponsor', probe.address, '--allowance', '1'], sponsor)
    await write(['sponsorship', 'accept', sponsor.address], probe)
    return costOf(['post', 'how much is a post?'], probe)
  })()
  await write(['sponsor', dave.address, '--allowance', '1'], sponsor)
  const acceptFee = (await costOf(['sponsorship', 'accept', sponsor.address], dave)).fee
  await write(['sponsor', 'revoke', dave.address], sponsor)
  const allowance = acceptFee + firstPost.fee + firstPost.held + fee / 2n
  const allowanceText = `${allowance / AGORA}.${(allowance % AGORA).toString().padStart(12, '0')}`
  await write(['sponsor', dave.address, '--allowance', allowanceText], sponsor, 'sponsorship.Offered')
  await write(['sponsorship', 'accept', sponsor.address], dave, 'sponsorship.Sponsored')

  await write(['post', 'how much is a post?'], dave, 'posts.PostCreated')
  const books = async () => (await run(['sponsorship', 'show', dave.address])).json.sponsorship
  const left = BigInt((await books()).left.planck)
  assert.ok(left < fee, `${left} left is less than a post's fee`)
  const sponsorBefore = await balances(sponsor.address)
  assert.match(await refused(['post', 'one more'], dave), /refused the transaction: .*(Inability to pay|Payment)/)
  assert.deepEqual(await balances(sponsor.address), sponsorBefore, 'the refused post cost the sponsor nothing')
  const after = await books()
  assert.ok(BigInt(after.feesPaid.planck) + BigInt(after.depositsHeld.planck) <= BigInt(after.allowance.planck))

  // A top-up makes room again.
  await write(['sponsor', 'top-up', dave.address, '--allowance', '0.1'], sponsor, 'sponsorship.ToppedUp')
  await write(['post', 'one more'], dave, 'posts.PostCreated')
})

test('sponsorship commands refuse bad input with a clear message and change nothing', async () => {
  const sponsor = await net.freshAccount()
  const someone = net.newKey()
  assert.match(await refused(['sponsor', someone.address], sponsor), /--allowance needs an amount of AGORA/)
  assert.match(await refused(['sponsor', someone.address, '--allowance', '0'], sponsor), /--allowance must be more than 0/)
  assert.match(await refused(['sponsor', someone.address, '--allowance', '1.5x'], sponsor), /--allowance needs an amount/)
  assert.match(await refused(['sponsor', sponsor.address, '--allowance', '1'], sponsor), /sponsorship\.CannotSponsorSelf/)
  assert.match(await refused(['sponsor', 'revoke', someone.address], sponsor), /is not sponsored/)
  assert.match(await refused(['sponsor', 'top-up', someone.address, '--allowance', '1'], sponsor), /sponsorship\.NotSponsored/)
  assert.equal((await run(['sponsorship', 'show', someone.address])).json.sponsorship, null)

  await write(['sponsor', someone.address, '--allowance', '1'], sponsor)
  assert.match(await refused(['sponsor', someone.address, '--allowance', '1'], sponsor), /sponsorship\.AlreadyOffered/)
  const other = await net.freshAccount()
  assert.match(await refused(['sponsorship', 'accept', other.address], someone), /sponsorship\.NoOffer|refused the transaction/)
  await write(['sponsorship', 'accept', sponsor.address], someone, 'sponsorship.Sponsored')
  assert.match(await refused(['sponsor', 'revoke', someone.address], other), /sponsorship\.NotSponsor\b/)
  assert.match(await refused(['sponsor', 'withdraw', someone.address], other), /sponsorship\.NoOffer/)
  assert.equal((await run(['sponsorship', 'show', someone.address])).json.sponsorship.sponsor, sponsor.address)
})

test("a stranger's 1-planck offer blocks nobody: the newcomer accepts the real one and posts", async () => {
  const stranger = await net.freshAccount()
  const friend = await net.freshAccount()
  const newcomer = net.newKey()
  // The stranger offers first, with the smallest amount there is.
  await write(['sponsor', newcomer.address, '--allowance', '0.000000000001'], stranger, 'sponsorship.Offered')
  await write(['sponsor', newcomer.address, '--allowance', '1'], friend, 'sponsorship.Offered')
  const strangerBefore = await balances(stranger.address)
  // Accepting the stranger's offer is not even possible: it cannot pay the fee.
  assert.match(await refused(['sponsorship', 'accept', stranger.address], newcomer), /refused the transaction: .*(Inability to pay|Payment)/)
  await write(['sponsorship', 'accept', friend.address], newcomer, 'sponsorship.Sponsored')
  await write(['post', 'hello, I joined without a token'], newcomer, 'posts.PostCreated')
  assert.deepEqual(await balances(stranger.address), strangerBefore, "the stranger's offer changed nothing")
  const shown = (await run(['sponsorship', 'show', newcomer.address])).json
  assert.equal(shown.sponsorship.sponsor, friend.address)
  assert.deepEqual(shown.offers.map((o) => o.sponsor), [stranger.address], 'it waits, harmless')
  assert.equal((await balances(newcomer.address)).free, 0n)

  // Leaving is always possible, paid by the sponsor; the stranger withdraws its offer.
  await write(['sponsor', 'revoke'], newcomer, 'sponsorship.Revoked')
  await write(['sponsor', 'withdraw', newcomer.address], stranger, 'sponsorship.OfferWithdrawn')
  assert.equal((await balances(newcomer.address)).free, 0n)
})
