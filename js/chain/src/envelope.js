// Private-message envelopes, version 1 (specified in pallets/messages/README.md, "The
// envelope"): HPKE (RFC 9180) Base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
// ChaCha20-Poly1305, from hpke-js (@hpke/*); the sender's account signature inside; padding to
// size buckets. Nothing here talks to the chain: the caller fetches keys and notices.

import { CipherSuite, HkdfSha256 } from '@hpke/core'
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305'
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519'
import { DEV_PHRASE } from '@polkadot/keyring'
import { hexToU8a, isHex, u8aConcat, u8aEq, u8aToHex } from '@polkadot/util'
import {
  base64Decode, base64Encode, blake2AsU8a, keyExtractSuri, keyFromPath, mnemonicToMiniSecret,
  mnemonicValidate, sha256AsU8a, signatureVerify, sr25519PairFromSeed
} from '@polkadot/util-crypto'

export const TYPE = 'agora.dm'
export const VERSION = 1
export const SUITE = 'HPKE-Base-X25519-SHA256-ChaCha20Poly1305'
/** Padded plaintext sizes; the inner document may fill a bucket less its 4-byte length. */
export const BUCKETS = [512, 2048, 8192, 32768, 131072]
const LABEL = 'agora-dm/1'
const SIGNING_LABEL = 'agora-dm/1 signature'
const KEY_LABEL = 'agora/dm/x25519/v1'

const utf8 = new TextEncoder()
const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() })

/** A failure to build or open an envelope, with a message for the user. */
export class EnvelopeError extends Error {}

/** An exact ArrayBuffer of `bytes` (hpke-js takes ArrayBuffers). */
const buffer = (bytes) => bytes.slice().buffer

function u32be (n) {
  const bytes = new Uint8Array(4)
  new DataView(bytes.buffer).setUint32(0, n)
  return bytes
}

function u64be (n) {
  const bytes = new Uint8Array(8)
  new DataView(bytes.buffer).setBigUint64(0, BigInt(n))
  return bytes
}

/**
 * The 64-byte sr25519 secret key of the account `suri` names (mnemonic or hex seed, with //hard
 * and /soft paths and ///password, as @polkadot/keyring reads it), checked against
 * `publicKey`: the secret message keys are derived from it.
 */
export function accountSecret (suri, publicKey) {
  const { password, path, phrase } = keyExtractSuri(suri.startsWith('//') ? `${DEV_PHRASE}${suri}` : suri)
  let seed
  if (isHex(phrase, 256)) {
    seed = hexToU8a(phrase)
  } else if (mnemonicValidate(phrase)) {
    seed = mnemonicToMiniSecret(phrase, password)
  } else {
    throw new EnvelopeError('private messages need the account\'s secret as a mnemonic or a 32-byte hex seed (--suri)')
  }
  const pair = keyFromPath(sr25519PairFromSeed(seed), path, 'sr25519')
  if (!u8aEq(pair.publicKey, publicKey)) {
    throw new EnvelopeError('the message keys derive from an sr25519 account key; --suri names another kind of key')
  }
  return pair.secretKey
}

/**
 * Message key pair number `keyId` of the account whose sr25519 secret key is `secret`:
 * HPKE DeriveKeyPair(BLAKE2b-256(label ‖ secret ‖ keyId)). Returns `{ keyId, publicKey
 * (32 bytes), keyPair (for opening) }`.
 */
export async function messageKey (secret, keyId) {
  const ikm = blake2AsU8a(u8aConcat(utf8.encode(KEY_LABEL), secret, u32be(keyId)), 256)
  const keyPair = await suite.kem.deriveKeyPair(buffer(ikm))
  const publicKey = new Uint8Array(await suite.kem.serializePublicKey(keyPair.publicKey))
  return { keyId, publicKey, keyPair }
}

function aadFor (keyId) {
  return u8aConcat(utf8.encode(LABEL), u32be(keyId))
}

function signedBytes ({ from, to, keyId, enc, text, sentAt }) {
  return u8aConcat(utf8.encode(SIGNING_LABEL), from, to, u32be(keyId), enc, sha256AsU8a(utf8.encode(text)), u64be(sentAt))
}

function pad (inner) {
  const size = BUCKETS.find((bucket) => inner.length + 4 <= bucket)
  if (size === undefined) throw new EnvelopeError(`the message is too long: at most ${BUCKETS.at(-1) - 4} bytes with its signature`)
  const padded = new Uint8Array(size)
  padded.set(u32be(inner.length))
  padded.set(inner, 4)
  return padded
}

function unpad (padded) {
  if (padded.length < 4) throw new EnvelopeError('the envelope\'s plaintext is malformed (too short)')
  const length = new DataView(padded.buffer, padded.byteOffset).getUint32(0)
  if (length > padded.length - 4 || padded.subarray(4 + length).some((byte) => byte !== 0)) {
    throw new EnvelopeError('the envelope\'s padding is malformed')
  }
  return padded.subarray(4, 4 + length)
}

/**
 * Seals `text` from `sender` (a keyring pair) to the account `to` (32-byte public key), whose
 * message key number `keyId` is `recipientKey` (32 bytes). Returns the envelope's bytes (the
 * JSON document to upload).
 */
export async function sealEnvelope ({ sender, to, recipientKey, keyId, text, sentAt = Date.now() }) {
  const publicKey = await suite.kem.deserializePublicKey(buffer(recipientKey))
  const context = await suite.createSenderContext({ recipientPublicKey: publicKey, info: buffer(utf8.encode(LABEL)) })
  const enc = new Uint8Array(context.enc)
  const fields = { from: sender.publicKey, to, keyId, enc, text, sentAt }
  const inner = {
    from: u8aToHex(sender.publicKey),
    to: u8aToHex(to),
    keyId,
    sentAt,
    text,
    signature: u8aToHex(sender.sign(signedBytes(fields)))
  }
  const sealed = await context.seal(buffer(pad(utf8.encode(JSON.stringify(inner)))), buffer(aadFor(keyId)))
  const document = { type: TYPE, version: VERSION, suite: SUITE, keyId, enc: base64Encode(enc), ciphertext: base64Encode(new Uint8Array(sealed)) }
  return utf8.encode(JSON.stringify(document))
}

/** The outer document of an envelope, checked for form; throws EnvelopeError. */
export function readEnvelope (bytes) {
  let document
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new EnvelopeError('this is not a message envelope (not JSON)')
  }
  if (document?.type !== TYPE) throw new EnvelopeError('this is not a message envelope (type)')
  if (document.version !== VERSION) throw new EnvelopeError(`envelope version ${document.version} is not supported (this client reads ${VERSION})`)
  if (document.suite !== SUITE) throw new EnvelopeError(`the envelope's cipher suite ${document.suite} is not supported`)
  if (!Number.isInteger(document.keyId) || document.keyId < 0 || document.keyId > 0xffffffff) throw new EnvelopeError('the envelope names no valid key number')
  let enc, ciphertext
  try {
    enc = base64Decode(document.enc)
    ciphertext = base64Decode(document.ciphertext)
  } catch {
    throw new EnvelopeError('the envelope\'s fields are not base64')
  }
  if (enc.length !== 32) throw new EnvelopeError('the envelope\'s encapsulated key is not 32 bytes')
  return { keyId: document.keyId, enc, ciphertext }
}

/**
 * Opens an envelope's `bytes` as the account `me` (32-byte public key), with `keyFor(keyId)`
 * giving the message key pair of that number. `sender` (32-byte public key), when given, is
 * the notice's sender on chain, which the signer must be. Returns `{ from, to, keyId, sentAt,
 * text }` or throws EnvelopeError saying what failed.
 */
export async function openEnvelope ({ bytes, me, keyFor, sender }) {
  const { keyId, enc, ciphertext } = readEnvelope(bytes)
  const key = await keyFor(keyId)
  let padded
  try {
    const context = await suite.createRecipientContext({ recipientKey: key.keyPair, enc: buffer(enc), info: buffer(utf8.encode(LABEL)) })
    padded = new Uint8Array(await context.open(buffer(ciphertext), buffer(aadFor(keyId))))
  } catch {
    throw new EnvelopeError(`the envelope failed authentication: it was altered, or it was not encrypted to this account's key ${keyId}`)
  }
  let inner
  try {
    inner = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(unpad(padded)))
  } catch (error) {
    if (error instanceof EnvelopeError) throw error
    throw new EnvelopeError('the envelope\'s message is malformed')
  }
  const hex32 = (value) => typeof value === 'string' && isHex(value, 256)
  if (!hex32(inner?.from) || !hex32(inner.to) || typeof inner.text !== 'string' || !Number.isSafeInteger(inner.sentAt) || inner.sentAt < 0 || !isHex(inner.signature, 512)) {
    throw new EnvelopeError('the envelope\'s message is malformed')
  }
  const from = hexToU8a(inner.from)
  const to = hexToU8a(inner.to)
  if (!u8aEq(to, me)) throw new EnvelopeError('the message inside was written to another account')
  if (inner.keyId !== keyId) throw new EnvelopeError('the message inside names another key than its envelope')
  const fields = { from, to, keyId, enc, text: inner.text, sentAt: inner.sentAt }
  if (!signatureVerify(signedBytes(fields), inner.signature, from).isValid) {
    throw new EnvelopeError('the sender\'s signature does not verify')
  }
  if (sender && !u8aEq(from, sender)) throw new EnvelopeError('the message was signed by another account than the one that sent it')
  return { from, to, keyId, sentAt: inner.sentAt, text: inner.text }
}
