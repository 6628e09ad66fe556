// `invoke --logs tail` prints Invoke's log tail as the function logged it: base64 of UTF-8,
// decoded as UTF-8 (accents, CJK and emoji read as written, never as mojibake).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSandboxProcess, type SandboxProcess } from "../helpers/cli.js";

let sb: SandboxProcess;
beforeAll(async () => {
  sb = await startSandboxProcess();
});
afterAll(async () => {
  await sb?.stop();
});

describe("invoke --logs tail", () => {
  it("prints accents, CJK and emoji from the tail as written", async () => {
    const r = await runCli(["invoke", "unicode-logger", "--logs", "tail", "--region", "us-east-1"], {
      AWS_ENDPOINT_URL: sb.endpoint,
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("accents: café crème brûlée");
    expect(r.stderr).toContain("cjk: 日本語のログ 한국어 中文");
    expect(r.stderr).toContain("emoji: 🎉 👩‍💻 🇫🇷");
    expect(JSON.parse(r.stdout)).toEqual({ greeting: "héllo 世界 👋" });
  });
});
