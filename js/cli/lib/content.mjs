// A body given on the command line: as text, or as a file's bytes with --file.

import { readFileSync } from 'node:fs'

import { UserError } from '@agora/chain'

/** The bytes of a body given as text or as a file path. */
export function bodyBytes ({ text, file }) {
  if (file) {
    try {
      return readFileSync(file)
    } catch (error) {
      throw new UserError(`cannot read ${file}: ${error.code ?? error.message}`)
    }
  }
  if (text === undefined || text === '') throw new UserError('give the body as text or with --file')
  return new TextEncoder().encode(text)
}
