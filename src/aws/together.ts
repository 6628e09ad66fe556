// Calls made side by side for one answer (a function's configuration, versions and aliases):
// when one fails the answer is lost, so the others are cancelled, and the caller hears of the
// failure only once they have ended. Before, the clients were destroyed under the requests
// still in flight, whose sockets then reset and were reported as an unreachable endpoint.

type Promised<T extends readonly unknown[]> = { [K in keyof T]: Promise<T[K]> };

/** Starts the calls with one signal; the first failure aborts the rest and is thrown once all are done. */
export async function allOrCancel<T extends readonly unknown[]>(
  start: (signal: AbortSignal) => Promised<T>,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort();
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  const calls = start(controller.signal) as readonly Promise<unknown>[];
  try {
    return (await Promise.all(calls)) as unknown as T;
  } catch (err) {
    controller.abort();
    await Promise.allSettled(calls);
    throw err;
  } finally {
    outer?.removeEventListener("abort", onOuterAbort);
  }
}
