// `sandbox DIR` refusing a function folder whose name is not a function name quotes that name:
// a name can hold any bytes but "/", escape sequences included, and they are printed escaped.
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("sandbox DIR with a hostile folder name", () => {
  it("names the folder with its escape sequences shown escaped, exit 2", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lx-hostile-"));
    const name = "evil\u001b[2J\u001b]0;pwned\u0007\u202e";
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "function.json"), "{}");
    const r = await runCli(["sandbox", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("evil\\e[2J\\e]0;pwned\\x07\\u202e");
    expect(r.stderr).toMatch(/name must be 1-64 letters/);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  });
});
