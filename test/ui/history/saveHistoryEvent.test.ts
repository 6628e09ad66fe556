import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { saveHistoryEventPrompt } from "../../../src/ui/app/saveHistoryEvent.js";
import { getPrivateEvent } from "../../../src/state/test-events.js";
import { historyRecord } from "../../helpers/history-records.js";

const scope = { profile: undefined, region: "us-east-1", endpoint: "http://127.0.0.1:1" };

describe("saving a history entry's payload as an event", () => {
  const payload = '{\n  "user": "ada",\n  "password": "hunter2",\n  "session": {"token": "abc"}\n}';

  it("offers to redact the secrets, and redacts them unless the name ends in !", async () => {
    process.env.LAMBDA_EXPLORER_STATE_DIR = mkdtempSync(path.join(os.tmpdir(), "lx-hist-ev-"));
    const record = historyRecord({ payload });
    const fn = record.function.name;
    const messages: string[] = [];
    const p = saveHistoryEventPrompt(record, scope, (m) => messages.push(m));
    expect(p.label).toMatch(/2 secret values redacted; end the name with ! to keep them/);

    expect(await p.submit("no good")).toMatch(/not a name the Lambda console accepts/);
    expect(await p.submit("safe")).toBeNull();
    const safe = (await getPrivateEvent(scope, fn, "safe"))!.payload;
    expect(safe).toContain('"user": "ada"');
    expect(safe).toContain('"password": "[redacted]"');
    expect(safe).toContain('"token": "[redacted]"');
    expect(safe).not.toContain("hunter2");
    expect(messages.at(-1)).toMatch(/Saved .*"safe" from history, 2 values redacted/);

    expect(await p.submit("raw!")).toBeNull();
    expect((await getPrivateEvent(scope, fn, "raw"))!.payload).toBe(payload);
    expect(messages.at(-1)).toMatch(/secrets kept/);
  });

  it("asks only for a name when there is nothing to redact", () => {
    const p = saveHistoryEventPrompt(historyRecord({ payload: '{"id": 1}' }), scope, () => undefined);
    expect(p.label).not.toMatch(/redacted/);
  });
});
