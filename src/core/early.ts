// A promise whose value can also be read synchronously once it has settled: start-up begins
// work before the UI exists (reading the cached list, the first ListFunctions page), and the
// first render uses what has already arrived instead of drawing an empty frame first.

export interface Early<T> {
  readonly promise: Promise<T>;
  /** The value, once the promise has fulfilled; undefined before (and after a rejection). */
  readonly value: T | undefined;
  readonly fulfilled: boolean;
}

/** Watches `promise`; a rejection is left to whoever awaits `promise` (it is not unhandled). */
export function early<T>(promise: Promise<T>): Early<T> {
  const e = { promise, value: undefined as T | undefined, fulfilled: false };
  promise.then(
    (v) => {
      e.value = v;
      e.fulfilled = true;
    },
    () => undefined,
  );
  return e;
}
