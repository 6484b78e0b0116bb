// The signing key: `--suri`, or on a development chain only the well-known //Alice.

import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'

import { UserError } from '@agora/chain'

const DEV_SURI = '//Alice'

/**
 * The signing key for `suri`. Without one, the well-known dev key //Alice is used, but only on
 * a development chain: its secret is public knowledge.
 */
export async function signer ({ api, isDev, chainType }, suri) {
  await cryptoWaitReady()
  const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 ?? 42 })
  if (suri) return keyring.addFromUri(suri)
  if (!isDev) throw new UserError(`--suri is required on a ${chainType} chain (//Alice is only a dev key)`)
  return keyring.addFromUri(DEV_SURI)
}
