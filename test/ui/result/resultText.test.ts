import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { initialInvocation, type InvocationState } from "../../../src/ui/panes/result/invocationReducer.js";
import { COPY_LIMIT, osc52, suggestedName, viewText } from "../../../src/ui/panes/result/resultText.js";
import { saveViewText } from "../../../src/ui/panes/result/saveView.js";
import { result } from "../../helpers/invoke-result.js";

const state = (over: Partial<InvocationState> = {}): InvocationState => ({
  ...initialInvocation,
  phase: "done",
  result: result({ payloadText: '{"ok":true}', tail: "START\nREPORT\n", requestId: "abcdef12-3456" }),
  ...over,
});

describe("viewText", () => {
  it("the response as sent, the tail as decoded, the complete log a message a line", () => {
    const s = state({
      logs: {
        phase: "complete",
        events: [
          { timestamp: 1, message: "START" },
          { timestamp: 2, message: "REPORT" },
        ],
        calls: 2,
        elapsedMs: 1,
        reason: null,
      },
    });
    expect(viewText("response", s)).toBe('{"ok":true}');
    expect(viewText("tail", s)).toBe("START\nREPORT\n");
    expect(viewText("complete", s)).toBe("START\nREPORT\n");
    expect(viewText("complete", state())).toBeNull();
    expect(viewText("response", initialInvocation)).toBeNull();
  });
  it("suggests a name from the function, the request id and the view", () => {
    expect(suggestedName("response", state())).toBe("orders-api-abcdef12-response.json");
    expect(suggestedName("complete", state())).toBe("orders-api-abcdef12-complete.log");
  });
});

describe("osc52", () => {
  it("base64 in an OSC 52 sequence for the clipboard", () => {
    const c = osc52("héllo");
    expect(c).toEqual({
      ok: true,
      sequence: `\u001b]52;c;${Buffer.from("héllo").toString("base64")}\u0007`,
      bytes: 6,
    });
  });
  it("refuses nothing and too much, saying why", () => {
    expect(osc52("")).toMatchObject({ ok: false, message: expect.stringMatching(/Nothing to copy/) });
    expect(osc52("x".repeat(COPY_LIMIT + 1))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/save it with s/),
    });
  });
});

describe("saveViewText", () => {
  const dir = () => mkdtempSync(path.join(os.tmpdir(), "lx-save-"));
  it("writes the text to a new file (mode 0600), relative to the working directory", async () => {
    const d = dir();
    const r = await saveViewText("out.json", d, '{"ok":true}');
    expect(r).toMatchObject({ ok: true, path: path.join(d, "out.json") });
    expect(readFileSync(path.join(d, "out.json"), "utf8")).toBe('{"ok":true}');
    expect(statSync(path.join(d, "out.json")).mode & 0o777).toBe(0o600);
  });
  it("never overwrites a file that is there", async () => {
    const d = dir();
    writeFileSync(path.join(d, "keep.txt"), "precious");
    const r = await saveViewText("keep.txt", d, "new");
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/exists and was not overwritten/) });
    expect(readFileSync(path.join(d, "keep.txt"), "utf8")).toBe("precious");
  });
  it("says what is wrong with a missing folder, a directory, or no path", async () => {
    const d = dir();
    expect(await saveViewText("no/such/dir/x", d, "t")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not exist/),
    });
    expect(await saveViewText(".", d, "t")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/exists|directory/),
    });
    expect(await saveViewText("  ", d, "t")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Type the path/),
    });
  });
});
