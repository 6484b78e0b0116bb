// Private messages around the envelope, as the CLI and the web app both do them: seal a text to
// the recipient's published key and upload it; fetch a notice's envelope and open it. The
// envelope itself is envelope.js; the chain calls (send_message, remove_notice, …) stay with
// each tool, which signs them its own way.

import { hexToU8a } from '@polkadot/util'
import { decodeAddress } from '@polkadot/util-crypto'

import { downloadBytes, upload } from './content.js'
import { EnvelopeError, messageKey, openEnvelope, sealEnvelope } from './envelope.js'
import { UserError } from './errors.js'

/**
 * What opens an account's messages: its public key and `keyFor(keyId)`, its message key pairs
 * derived (once each) from `secret`, the account's sr25519 secret key (envelope.js's
 * `accountSecret`).
 */
export function messageKeys (publicKey, secret) {
  const keys = new Map()
  return {
    publicKey,
    keyFor (keyId) {
      if (!keys.has(keyId)) keys.set(keyId, messageKey(secret, keyId))
      return keys.get(keyId)
    }
  }
}

/**
 * Seals `text` from `sender` (a keyring pair) to the account `to` (an address) under its
 * current message key, and uploads the envelope. Resolves to `{ cid, size, keyId }`, what
 * `messages.sendMessage(to, cid, size)` then names; UserError when `to` cannot receive it.
 */
export async function sealMessage ({ call, sender, to, text }) {
  if (text.trim() === '') throw new UserError('The message is empty.')
  const mailbox = await call('social_mailbox', [to])
  if (!mailbox) throw new UserError(`${to} has published no message key, so nobody can write to them yet`)
  if (mailbox.policy === 'nobody') throw new UserError(`${to} accepts messages from nobody`)
  let envelope
  try {
    envelope = await sealEnvelope({ sender, to: decodeAddress(to), recipientKey: hexToU8a(mailbox.key), keyId: mailbox.keyId, text })
  } catch (error) {
    throw error instanceof EnvelopeError ? new UserError(error.message) : error
  }
  const { cid, size } = await upload(call, envelope)
  return { cid, size, keyId: mailbox.keyId }
}

/**
 * Fetches and opens the envelope of `notice` (`{ sender, envelope }` of `social_inbox`) with
 * `keys` (`messageKeys`). Resolves to `{ text, sentAt (a Date, the sender's clock), keyId }`,
 * or `{ error }` saying what failed: a message that cannot be read is shown as such, never
 * thrown, so one bad envelope does not hide an inbox.
 */
export async function openNotice ({ call, notice, keys }) {
  let bytes
  try {
    bytes = await downloadBytes(call, notice.envelope)
  } catch (error) {
    return { error: `the envelope cannot be fetched: ${error.message}` }
  }
  return openBytes({ bytes, keys, sender: decodeAddress(notice.sender) })
}

/** Opens envelope `bytes` with `keys`, as `openNotice` does once it has them. */
export async function openBytes ({ bytes, keys, sender }) {
  try {
    const opened = await openEnvelope({ bytes, me: keys.publicKey, keyFor: keys.keyFor, sender })
    return { text: opened.text, sentAt: new Date(opened.sentAt), keyId: opened.keyId }
  } catch (error) {
    if (error instanceof EnvelopeError) return { error: error.message }
    throw error
  }
}
