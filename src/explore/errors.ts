// Errors the read side raises for a user's request: the server maps `not_found` to 404
// and `bad_input` to 400, the CLI prints the message and exits 1.
export type ExploreErrorCode = 'not_found' | 'bad_input';

export class ExploreError extends Error {
  constructor(
    readonly code: ExploreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExploreError';
  }
}
