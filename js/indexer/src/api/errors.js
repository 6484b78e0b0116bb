// The API's errors: a stable code, an HTTP status and a readable message, answered as
// `{ "code": 8001, "message": "…" }`. The table is docs/indexer.md's "Errors"; codes are never
// reused for another meaning.

export const ERRORS = {
  badParameter: { code: 8001, status: 400 },
  badCursor: { code: 8002, status: 400 },
  badLimit: { code: 8003, status: 400 },
  notFound: { code: 8004, status: 404 },
  badMethod: { code: 8005, status: 405 },
  tooLarge: { code: 8006, status: 413 },
  badBody: { code: 8007, status: 400 },
  badSignature: { code: 8008, status: 401 },
  staleSignature: { code: 8009, status: 409 },
  rateLimited: { code: 8010, status: 429 },
  unavailable: { code: 8011, status: 503 },
  internal: { code: 8012, status: 500 },
  noSuchPost: { code: 8013, status: 404 }
}

export class ApiError extends Error {
  constructor (kind, message) {
    super(message)
    this.code = ERRORS[kind].code
    this.status = ERRORS[kind].status
  }
}
