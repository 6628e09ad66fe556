// Running the suite must not touch the user's own state: every test (and what it starts with
// its environment) sees folders under the system's temporary folder (see vitest.config.ts).
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { cacheDir, stateDir } from "../../../src/state/paths.js";
import { resolveHistoryFile } from "../../../src/state/history-path.js";

const underTmp = (p: string) => !path.relative(os.tmpdir(), p).startsWith("..");

it("keeps the history, usage and cache of a test run in a scratch folder", () => {
  expect(underTmp(stateDir()), stateDir()).toBe(true);
  expect(underTmp(cacheDir()), cacheDir()).toBe(true);
  expect(underTmp(resolveHistoryFile(undefined, process.env, process.cwd()))).toBe(true);
});
