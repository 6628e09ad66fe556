import { mkdtemp, stat, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftFile, readDraft, saveDraft } from "../../../src/state/drafts.js";

const scope = { profile: undefined, region: "us-east-1", endpoint: "http://127.0.0.1:1" };

describe("drafts", () => {
  it("keeps a payload per function and scope, byte for byte", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-drafts-"));
    const text = '{\n  "name": "Zoë 😀",\n  "n": 1\n}';
    saveDraft(scope, "orders-api", text, dir);
    expect(await readDraft(scope, "orders-api", dir)).toBe(text);
    expect(await readDraft(scope, "thrower", dir)).toBeNull();
    expect(await readDraft({ ...scope, region: "eu-west-1" }, "orders-api", dir)).toBeNull();
    expect((await stat(draftFile(scope, "orders-api", dir))).mode & 0o777).toBe(0o600);
    saveDraft(scope, "orders-api", "", dir);
    expect(await readDraft(scope, "orders-api", dir)).toBe("");
  });

  it("treats a damaged draft as none", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-drafts-"));
    await mkdir(path.dirname(draftFile(scope, "x", dir)), { recursive: true });
    await writeFile(draftFile(scope, "x", dir), "{torn");
    expect(await readDraft(scope, "x", dir)).toBeNull();
  });
});
