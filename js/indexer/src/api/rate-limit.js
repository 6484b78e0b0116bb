// Requests per minute per client address, for the public API: a fixed one-minute window per
// IPv4 address or IPv6 /64 (one host usually holds a whole /64). Old windows are dropped as
// they expire, so memory stays bounded by the clients of the last minute.

import { isIP } from 'node:net'

/** The key a client is counted under: its IPv4 address, or the first four groups of its IPv6. */
export function clientKey (address) {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (v4) return v4[1]
  if (isIP(address) !== 6) return address
  const [head] = address.split('::')
  const groups = head.split(':').filter(Boolean)
  return `${groups.slice(0, 4).join(':')}::/64`
}

export function rateLimiter (perMinute, now = Date.now) {
  let windowStart = now()
  let counts = new Map()
  return {
    /** Counts one request from `address`; false when over the limit for this minute. */
    allow (address) {
      if (now() - windowStart >= 60_000) {
        windowStart = now()
        counts = new Map()
      }
      const key = clientKey(address)
      const count = (counts.get(key) ?? 0) + 1
      counts.set(key, count)
      return count <= perMinute
    }
  }
}
