// One IndexedDB object store, opened for each transaction and closed after it: what this
// browser keeps of its own (keys.js's encrypted keys, messaging.js's sealed copies).

import { UserError } from '@agora/chain'

/**
 * The store `store` (records keyed by `keyPath`) of database `name`. `what` names it in errors
 * ("This browser cannot keep <what>"). Its `run(mode, fn)` runs `fn(objectStore)` in a
 * transaction and resolves to the request's result once committed.
 */
export function idbStore ({ name, store, keyPath, what }) {
  const open = () => new Promise((resolve, reject) => {
    const request = window.indexedDB.open(name, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(store, { keyPath })
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(new UserError(`This browser cannot keep ${what}: ${request.error?.message}`))
  })
  return {
    async run (mode, fn) {
      const db = await open()
      try {
        return await new Promise((resolve, reject) => {
          const tx = db.transaction(store, mode)
          const request = fn(tx.objectStore(store))
          tx.oncomplete = () => resolve(request.result)
          tx.onerror = tx.onabort = () => reject(new UserError(`This browser's store of ${what} failed: ${tx.error?.message}`))
        })
      } finally {
        db.close()
      }
    }
  }
}
