// Who signs: accounts from the Polkadot.js browser extension (real keys, which never leave the
// extension), keys made in this browser (keystore.js: encrypted, locked until the person gives
// the password), and, on a development chain only, the well-known dev accounts, whose secrets
// are public and which are labelled so. The choice is remembered in this browser.

import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady, mnemonicValidate } from '@polkadot/util-crypto'
import { UserError } from '@agora/chain'
import { accountSecret } from '@agora/chain/envelope'
import { messageKeys } from '@agora/chain/messages'

import { openKey, storedKeys } from './keystore.js'

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']
const STORAGE_KEY = 'agora.account'

/**
 * Every account this page can sign with: `{ address, name, kind, key, messages }`, `key` being
 * what @agora/chain's `submit` signs with (a keyring pair, or an extension's `{ address, signer
 * }`), `messages` the message keys that open its private messages (derived from its secret, so
 * only for keys whose secret this page holds: dev accounts and unlocked keys of this browser).
 */
export async function loadAccounts (chain) {
  const accounts = []
  if (chain.isDev) {
    await cryptoWaitReady()
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
    for (const name of DEV_NAMES) {
      const pair = keyring.addFromUri(`//${name}`)
      const messages = messageKeys(pair.publicKey, accountSecret(`//${name}`, pair.publicKey))
      accounts.push({ address: pair.address, name: `${name} (dev account, public secret)`, kind: 'dev', key: pair, messages })
    }
  }
  await cryptoWaitReady()
  for (const stored of await storedKeys().catch(() => [])) accounts.push(browserAccount(stored))
  try {
    const { web3Enable, web3Accounts, web3FromSource } = await import('@polkadot/extension-dapp')
    const extensions = await web3Enable('Agora')
    if (extensions.length > 0) {
      for (const injected of await web3Accounts({ ss58Format: 42 })) {
        const { signer } = await web3FromSource(injected.meta.source)
        accounts.push({
          address: injected.address,
          name: `${injected.meta.name ?? 'account'} (${injected.meta.source})`,
          kind: 'extension',
          key: { address: injected.address, signer },
          messages: null
        })
      }
    }
  } catch {
    // No extension, or it refused: dev accounts (on a dev chain) remain.
  }
  return accounts
}

/** A key of this browser as an account, locked (`key` null) until `unlock`. */
export function browserAccount ({ address, name }) {
  return { address, name: `${name} (this browser)`, kind: 'browser', key: null, messages: null }
}

/** The sr25519 keyring pair of a recovery phrase, or a UserError when it is not one. */
export function pairFromPhrase (phrase) {
  const words = phrase.trim().split(/\s+/).join(' ')
  if (!mnemonicValidate(words)) throw new UserError('That is not a recovery phrase: check each word and their order.')
  return new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromMnemonic(words)
}

/**
 * Makes `account` sign with `phrase`'s key and open its messages with the message keys derived
 * from it; both stay in memory only, until a reload or `lock`.
 */
export function useSecret (account, phrase) {
  const pair = pairFromPhrase(phrase)
  account.key = pair
  account.messages = messageKeys(pair.publicKey, accountSecret(phrase.trim().split(/\s+/).join(' '), pair.publicKey))
  return pair
}

/** Forgets an unlocked key's secrets now. */
export function lock (account) {
  account.key = null
  account.messages = null
}

/** Unlocks a browser account with its password: its pair stays in memory until a reload. */
export async function unlock (account, password) {
  useSecret(account, await openKey(account.address, password))
}

export function rememberedAddress () {
  return window.localStorage.getItem(STORAGE_KEY)
}

export function remember (address) {
  window.localStorage.setItem(STORAGE_KEY, address)
}
