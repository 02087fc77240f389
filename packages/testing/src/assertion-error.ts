/** What a failed expectation carries: which assertion, what it expected and found, and where. */
export interface AssertionDetails {
  /** The assertion that failed, e.g. `expectTier`. */
  readonly assertion: string;
  /** What was expected and what was found, in plain words. */
  readonly message: string;
  /** What the assertion expected. */
  readonly expected: unknown;
  /** What it found. */
  readonly actual: unknown;
  /** Where the case was: its id and version, the clock, and the harness step that led there. */
  readonly where?: string;
}

/**
 * An expectation did not hold. Shaped like Node's `AssertionError` (`code`, `expected`, `actual`),
 * so vitest, jest, mocha and `node:test` show it as a failed assertion with a diff;
 * nothing in `@pathways/testing` depends on a test runner.
 *
 * @example
 * ```ts
 * try { harness.expectTier('high'); } catch (error) {
 *   if (error instanceof PathwaysAssertionError) console.log(error.expected, error.actual);
 * }
 * ```
 */
export class PathwaysAssertionError extends Error {
  override readonly name = 'PathwaysAssertionError';
  /** `ERR_ASSERTION`, as Node's assertion errors, so runners that look for it recognise this one. */
  readonly code = 'ERR_ASSERTION';
  /** The assertion that failed, e.g. `expectTier`. */
  readonly assertion: string;
  /** What the assertion expected. */
  readonly expected: unknown;
  /** What it found. */
  readonly actual: unknown;
  /** Where the case was when it failed, when the assertion is about a case. */
  readonly where: string | undefined;

  constructor(details: AssertionDetails) {
    super(details.where === undefined ? details.message : `${details.message}\n  where: ${details.where}`);
    this.assertion = details.assertion;
    this.expected = details.expected;
    this.actual = details.actual;
    this.where = details.where;
  }
}
