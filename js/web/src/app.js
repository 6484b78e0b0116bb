// What every view shares: the chain connection, the signing account, the reaction kinds, a
// status line for results and errors, and small cached lookups (display names, block times).
// `me` is the account every page shows and acts as: one of `accounts`, or (kind 'acting') an
// account another key signs for, as its app key or its heir (`me.signer` is that key's account).

import { shortAddress } from './dom.js'
import { UserError, actFor, blockTimes, download, submit } from '@agora/chain'
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto'
import { readDocument } from './profiledoc.js'

/** Body text longer than this is shown cut, with "show more". */
export const SHOWN_BODY_CHARS = 2000
/** The longest body the composer takes (the node's content API has its own byte limit). */
export const MAX_BODY_CHARS = 10000

export function createApp (chain, accounts, kinds) {
  const profiles = new Map()
  const names = new Map()
  const documents = new Map()
  /** `address`'s profile (`social_profile`), read once for its name and its document. */
  const profileOf = (address) => {
    if (!profiles.has(address)) profiles.set(address, chain.call('social_profile', [address]))
    return profiles.get(address)
  }
  const statusLine = document.getElementById('status')
  const app = {
    chain,
    accounts,
    kinds,
    me: null,
    /** Shows a result or an error in the status line. */
    notify (message, kind = 'ok') {
      statusLine.textContent = message
      statusLine.className = kind
      statusLine.dataset.kind = kind
    },
    /** Clears an error the previous page showed: it says nothing about the next one. */
    forgetError () {
      if (statusLine.dataset.kind === 'error') app.notify('', '')
    },
    /** Sends `tx` as the chosen account; shows and rethrows readable errors. */
    async send (tx, done) {
      if (!app.me) throw new UserError('Choose an account first (Settings).')
      if (!app.me.key) throw new UserError('Your key is locked: unlock it with its password (Keys).')
      app.notify('Signing and sending…', 'pending')
      try {
        // Acting for another account: the call goes through the key's proxy or heir relation.
        const signed = app.me.kind === 'acting' ? await actFor(chain.api, tx, app.me.signer.address, app.me.address) : tx
        const { events } = await submit(chain.api, signed, app.me.key)
        app.notify(done ?? 'Done.', 'ok')
        return events
      } catch (error) {
        app.notify(error instanceof UserError ? error.message : `Unexpected error: ${error.message}`, 'error')
        throw error
      }
    },
    /** How to show an account: @handle when it has one, else a short address. */
    async displayName (address) {
      if (!names.has(address)) {
        names.set(address, profileOf(address).then((profile) =>
          profile?.handle ? `@${profile.handle}` : shortAddress(address)).catch(() => shortAddress(address)))
      }
      return names.get(address)
    },
    forgetName (address) {
      profiles.delete(address)
      names.delete(address)
      documents.delete(address)
    },
    /** `address`'s profile document `{ name, bio, avatar }`, or null; read once per address. */
    profileDocument (address) {
      if (!documents.has(address)) {
        documents.set(address, profileOf(address).then(async (profile) => {
          if (!profile) return null
          const doc = await download(chain.call, profile.metadata)
          return doc.error === undefined ? readDocument(doc.text) : null
        }).catch(() => null))
      }
      return documents.get(address)
    },
    /** The address `who` names (an address, or @handle as of now); UserError when none. */
    async resolveAccount (who) {
      if (who.startsWith('@')) {
        const profile = await chain.call('social_profileByHandle', [who.slice(1)])
        if (!profile) throw new UserError(`Nobody holds the handle ${who}.`)
        return profile.account
      }
      try {
        return encodeAddress(decodeAddress(who), chain.api.registry.chainSS58 ?? 42)
      } catch {
        throw new UserError(`"${who}" is not an account: give an @handle or an address.`)
      }
    },
    /** When block `number` was made (a Date, or null), read once per block. */
    blockTime: blockTimes(chain.api),
    download: (cid) => download(chain.call, cid)
  }
  return app
}

/** Runs `action` for a button, disabling it meanwhile; failures go to the status line. */
export async function busy (app, button, action) {
  button.disabled = true
  try {
    return await action()
  } catch (error) {
    app.notify(error instanceof UserError ? error.message : `Unexpected error: ${error.message}`, 'error')
  } finally {
    button.disabled = false
  }
}
