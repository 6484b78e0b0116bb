// Profile pictures. A picture lives inside the profile document itself, as a small data URL
// (`"avatar": "data:image/webp;base64,…"`): it is pinned with the document by every pinning
// node and paid for by the profile's deposit, byte for byte, with nothing else to keep alive.
//
// Before upload the picture is redrawn on a canvas at 128 × 128 and encoded again: that keeps
// only pixels, so whatever the file carried besides (EXIF with the place and the camera, ICC
// profiles, comments) never leaves the browser. Shown pictures are checked for form and size
// and drawn by <img> only (CSP allows data: images and no scripts from them).

import { UserError } from '@agora/chain'

import { h } from './dom.js'

/** The picture's side in pixels. */
export const AVATAR_SIDE = 128
/** The longest data URL kept or shown (the profile document itself is at most 64 KiB). */
export const MAX_AVATAR_CHARS = 24 * 1024
const FORM = /^data:image\/(webp|jpeg|png);base64,[A-Za-z0-9+/]+=*$/

/** Whether `value` is a picture this app shows. */
export function isAvatar (value) {
  return typeof value === 'string' && value.length <= MAX_AVATAR_CHARS && FORM.test(value)
}

/**
 * `file` (an image the person chose) as a 128 × 128 picture, cropped to its centre, re-encoded
 * (WebP, else JPEG) without any of the file's metadata: a data URL. UserError when it is not an
 * image this browser can read, or cannot be made small enough.
 */
export async function avatarFromFile (file) {
  let bitmap
  try {
    bitmap = await createImageBitmap(file)
  } catch {
    throw new UserError('That file is not a picture this browser can read (try a JPEG, PNG or WebP).')
  }
  const side = Math.min(bitmap.width, bitmap.height)
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = AVATAR_SIDE
  canvas.getContext('2d').drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, AVATAR_SIDE, AVATAR_SIDE)
  bitmap.close()
  for (const quality of [0.85, 0.7, 0.5, 0.3]) {
    for (const type of ['image/webp', 'image/jpeg']) {
      const url = canvas.toDataURL(type, quality)
      if (url.startsWith(`data:${type};`) && isAvatar(url)) return url
    }
  }
  throw new UserError('That picture cannot be made small enough to keep: try a simpler one.')
}

/**
 * `address`'s picture, `size` 'small' (cards) or 'large' (profiles): an empty circle at once,
 * the picture when the profile document arrives with one.
 */
export function avatarElement (app, address, size = 'small') {
  const box = h('span', { class: `avatar avatar-${size}`, 'aria-hidden': 'true' })
  app.profileDocument(address).then((doc) => {
    if (isAvatar(doc?.avatar)) box.replaceChildren(h('img', { src: doc.avatar, alt: '' }))
  }).catch(() => {})
  return box
}
