// A Lambda client that resolves its middleware once per kind of command (the SDK's
// cacheMiddleware, as replay builds its clients) takes no options per call, so each Invoke's
// abort signal and deadline go beside the call (src/aws/call-options.ts). Calls sharing the
// one resolved stack must still each get their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClients, type Clients } from "../../../src/aws/clients.js";
import { AwsFailure } from "../../../src/aws/errors.js";
import { invoke } from "../../../src/aws/invoke.js";
import { useSandboxClients } from "../../helpers/sandbox.js";

const live = useSandboxClients();
let cached: Clients;
beforeAll(async () => {
  cached = await createClients({
    endpointUrl: live.sb.url,
    region: "us-east-1",
    cacheMiddleware: true,
    timeouts: { invokeMarginMs: 200 },
  });
});
afterAll(() => cached?.destroy());

describe("Invoke on a client that caches its middleware", () => {
  it("cancels only the call whose signal fired; the others on the same stack answer", async () => {
    const controller = new AbortController();
    // slow-logger runs about 3 s: it is still running when the greeting has answered.
    const slow = invoke(cached, "slow-logger", "{}", { signal: controller.signal });
    const quick = await invoke(cached, "versioned-greeter", '{"name":"Ada"}', { qualifier: "live" });
    expect([quick.statusCode, quick.payloadJson]).toEqual([200, { message: "hello, Ada!", version: "1" }]);
    controller.abort();
    await expect(slow).rejects.toThrow(new AwsFailure("cancelled", "Cancelled."));
    const again = await invoke(cached, "versioned-greeter", '{"name":"Bo"}', { qualifier: "live" });
    expect(again.payloadJson).toEqual({ message: "hello, Bo!", version: "1" });
  });

  it("waits each call's own deadline: the function's timeout and the margin", async () => {
    const quick = invoke(cached, "versioned-greeter", "{}", { qualifier: "live", functionTimeoutS: 60 });
    const slow = invoke(cached, "slow-logger", "{}", { functionTimeoutS: 1 });
    await expect(slow).rejects.toThrow(/did not answer within 1\.2 s \(its timeout, 1 s, plus 0\.2 s\)/);
    expect((await quick).statusCode).toBe(200);
  });
});
