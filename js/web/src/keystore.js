// Keys that live in this browser, for people who have no extension: each key's recovery phrase
// is stored in IndexedDB encrypted under the person's password (AES-GCM, its key derived from
// the password with PBKDF2-SHA-256 and a random salt), never in plain text and never in
// localStorage, which every script of the origin reads as text. Unlocking decrypts the phrase
// into a keyring pair kept in memory only; a reload locks every key again.

import { UserError } from '@agora/chain'

import { idbStore } from './idb.js'

const DB = 'agora-keys'
const STORE = 'keys'
/** PBKDF2 rounds: OWASP's 2023 figure for SHA-256; about a second on a phone. */
const ITERATIONS = 600_000

const keys = idbStore({ name: DB, store: STORE, keyPath: 'address', what: 'keys' })
const withStore = (mode, fn) => keys.run(mode, fn)

async function aesKey (password, salt, iterations) {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
}

/** The keys stored here: `{ address, name }` each, no secret. */
export async function storedKeys () {
  const records = await withStore('readonly', (store) => store.getAll())
  return records.map(({ address, name }) => ({ address, name }))
}

/**
 * Stores `phrase` (the key of `address`) encrypted under `password`. The address is bound to
 * the ciphertext (AES-GCM's additional data), so a record cannot be relabelled.
 */
export async function storeKey ({ address, name, phrase, password }) {
  if (password.length < 8) throw new UserError('Choose a password of at least 8 characters.')
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const key = await aesKey(password, salt, ITERATIONS)
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(address) },
    key, new TextEncoder().encode(phrase)))
  const record = { address, name, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS }, salt, iv, ciphertext }
  await withStore('readwrite', (store) => store.put(record))
}

/** The recovery phrase of `address`, or a UserError when `password` is not its password. */
export async function openKey (address, password) {
  const record = await withStore('readonly', (store) => store.get(address))
  if (!record) throw new UserError('This browser holds no such key.')
  const key = await aesKey(password, record.salt, record.kdf.iterations)
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv, additionalData: new TextEncoder().encode(address) },
      key, record.ciphertext)
    return new TextDecoder().decode(plain)
  } catch {
    throw new UserError('That password does not unlock this key. Try again.')
  }
}
