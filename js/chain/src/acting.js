// Acting for another account (`--as <account | @handle>`): the call is wrapped so that the
// chain dispatches it with that account as its origin. Two relations allow it, and the chain's
// own state says which one the signing key has:
// - an app key (a proxy the account added with `keys add`): `proxy.proxy(account, call)`;
// - the heir of an account its friends recovered: `recovery.controlInheritedAccount(account,
//   call)`.
// Either wrapper succeeds as a transaction even when the inner call fails; the inner result is
// in its event, which `submit` reads (see `innerFailure`).

import { UserError, describeDispatchError } from './errors.js'

/** `tx` wrapped so that `signer` sends it for `account`, or a clear error if it may not. */
export async function actFor (api, tx, signer, account) {
  if (api.registry.createType('AccountId', account).eq(signer)) return tx
  const [[proxies], best] = await Promise.all([api.query.proxy.proxies(account), api.query.system.number()])
  const entry = usableEntry(proxies.filter(({ delegate }) => delegate.eq(signer)), best.toNumber())
  if (entry) return api.tx.proxy.proxy(account, entry.proxyType, tx)
  const inheritor = await api.query.recovery.inheritor(account)
  if (inheritor.isSome && inheritor.unwrap()[1].eq(signer)) {
    return api.tx.recovery.controlInheritedAccount(account, tx)
  }
  throw new UserError(
    `${signer} may not act for ${account}: it is not one of its keys (see its app keys) ` +
    'nor the heir of a recovery'
  )
}

/**
 * Of a key's entries (one per type it was given), the one to act with: no announcement delay,
 * not expired by the next block; full control first, then social, then the social entry that
 * lasts longest. pallet-proxy would otherwise take the first entry, expired or not.
 */
function usableEntry (entries, best) {
  const rank = ({ proxyType }) => proxyType.isAny ? 3 : proxyType.isSocial ? 2 : 1
  const until = ({ proxyType }) => proxyType.isSocialUntil ? proxyType.asSocialUntil.toNumber() : Infinity
  return entries
    .filter((e) => e.delay.toNumber() === 0 && until(e) > best)
    .sort((a, b) => rank(b) - rank(a) || until(b) - until(a))[0]
}

/**
 * The failure of a call dispatched for another account, from the wrapper's event in a block's
 * `events` (raw @polkadot/api event records), as a readable message; `null` if it succeeded.
 */
export function innerFailure (api, events) {
  for (const { event } of events) {
    let result = null
    if (api.events.proxy?.ProxyExecuted.is(event)) result = event.data.result
    else if (api.events.recovery?.RecoveredAccountControlled.is(event)) result = event.data.callResult
    if (result?.isErr) {
      const message = describeDispatchError(api, result.asErr)
      return /\(system\.CallFiltered\)$/.test(message)
        ? `${message}: the key may not make this call for the account (a social app key makes ` +
          'posts, follows and reactions only, an expired one nothing; an heir cannot touch recovery)'
        : message
    }
  }
  return null
}
