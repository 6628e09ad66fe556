// A call's handler options (an abort signal, the wait for the answer) for a client that caches
// its middleware stack. With the SDK's cacheMiddleware a client resolves the stack once per kind
// of command instead of on every call (replay: a tenth of its CPU went to resolving it and to
// compiling the closures it made), but then takes no options per call: `send(command, options)`
// resolves afresh. So the options go beside the call: set by the command's input before it is
// sent, handed from the input to the request by the innermost middleware (per attempt, after
// signing), and read by TimedHttpHandler. The SDK's retry middleware then does not see the
// signal: a back-off wait is not cut short by an abort (replay has no one to press Esc).
import type { InvokeCommand, InvokeCommandOutput, LambdaClient } from "@aws-sdk/client-lambda";

export interface CallOptions {
  abortSignal?: AbortSignal | undefined;
  /** The wait for the answer in ms; 0 waits without a limit (see http-handler.ts). */
  requestTimeout?: number | undefined;
}

const byInput = new WeakMap<object, CallOptions>();
const byRequest = new WeakMap<object, CallOptions>();

/** The options of the call `request` belongs to, when its client caches its middleware. */
export function callOptionsOf(request: object): CallOptions | undefined {
  return byRequest.get(request);
}

type Middleware = Parameters<LambdaClient["middlewareStack"]["add"]>[0];

/** Hands each call's options to its requests; for a client built with cacheMiddleware. */
export function attachCallOptions(client: LambdaClient): void {
  const middleware =
    (next: (args: { input?: object; request?: object }) => Promise<unknown>) =>
    (args: { input?: object; request?: object }) => {
      const options = args.input && byInput.get(args.input);
      if (options && args.request) byRequest.set(args.request, options);
      return next(args);
    };
  client.middlewareStack.add(middleware as unknown as Middleware, {
    // Innermost, added last: the request it sees is the one the HTTP handler is given.
    step: "deserialize",
    priority: "low",
    name: "lambdaExplorerCallOptions",
  });
}

/** Sends `command` with `options`, beside it when the client caches its middleware. */
export function sendInvoke(
  client: LambdaClient,
  command: InvokeCommand,
  options: CallOptions,
): Promise<InvokeCommandOutput> {
  if (client.config.cacheMiddleware !== true) return client.send(command, options);
  byInput.set(command.input, options);
  return client.send(command);
}
