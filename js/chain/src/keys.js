// App keys: other keys that may act for an account (pallet-proxy). A social key posts, follows
// and reacts for the account, until a block if it expires; a full key (the owner's own devices)
// does everything. The runtime's `ProxyType` is the one list of key types: Any, Social,
// SocialUntil(block). The CLI's `agora keys` and the web app's Keys page both use these.

import { UserError } from './errors.js'

/** The `ProxyType` for a key of `type` ('social' or 'full'), social ones until block `until`. */
export function proxyType ({ type = 'social', until = null }) {
  if (type === 'full') {
    if (until !== null) throw new UserError('an expiry applies to social keys only')
    return 'Any'
  }
  if (type === 'social') return until === null ? 'Social' : { SocialUntil: until }
  throw new UserError(`${type} is not a key type: social or full`)
}

/** A key as a person reads it: `{ key, type ('full' | 'social'), until (block or null), delay }`. */
function describeKey ({ delegate, proxyType, delay }) {
  return {
    key: delegate.toString(),
    type: proxyType.isAny ? 'full' : 'social',
    until: proxyType.isSocialUntil ? proxyType.asSocialUntil.toNumber() : null,
    delay: delay.toNumber()
  }
}

/** The app keys of `account` and the deposit held for them: `{ account, keys, deposit }`. */
export async function appKeys (api, account) {
  const [proxies, deposit] = await api.query.proxy.proxies(account)
  return { account, keys: proxies.map(describeKey), deposit: deposit.toString() }
}

/**
 * The calls that remove `key` from `owner`'s app keys: one per type it was given, each its own
 * transaction. UserError when it is none of them.
 */
export async function removeKeyCalls (api, owner, key) {
  const [proxies] = await api.query.proxy.proxies(owner)
  const entries = proxies.filter(({ delegate }) => delegate.eq(key))
  if (entries.length === 0) throw new UserError(`${key} is not a key of ${owner}`)
  return entries.map(({ proxyType, delay }) => api.tx.proxy.removeProxy(key, proxyType, delay))
}
