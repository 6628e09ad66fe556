// Invoke's log tail decoded as Lambda encodes it: base64 of UTF-8 bytes. A function that logs
// accents, CJK and emoji shows whether any other decoding slipped in (latin1 reads "cafÃ©").
import { describe, expect, it } from "vitest";
import { invoke } from "../../../src/aws/invoke.js";
import { useSandboxClients } from "../../helpers/sandbox.js";

const live = useSandboxClients();

describe("invoke's log tail", () => {
  it("reads accents, CJK and emoji as the function logged them", async () => {
    const r = await invoke(live.clients, "unicode-logger", "{}");
    expect(r.statusCode).toBe(200);
    const lines = r.tail!.split("\n").map((l) => l.split("\t").at(-1));
    expect(lines).toContain("accents: café crème brûlée");
    expect(lines).toContain("cjk: 日本語のログ 한국어 中文");
    expect(lines).toContain("emoji: 🎉 👩‍💻 🇫🇷");
    expect(r.payloadJson).toEqual({ greeting: "héllo 世界 👋" });
    // The REPORT line is still found in the decoded text, so the metrics come from it.
    expect(r.report?.memoryMb).toBe(128);
  });
});
