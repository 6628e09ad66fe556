// What the explorer's own sandbox is known by in the state folder (drafts, usage, saved events,
// the cached list). The examples keep the name they always had wherever the package is
// installed, so an npx upgrade (a new folder) still finds what was typed against them; a folder
// or template the user names is known by its path.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { embeddedSandboxStarter } from "../../src/cli/embedded-sandbox.js";
import { sandboxScope } from "../../src/state/function-list-cache.js";
import { FIXTURES, RUNTIME } from "../helpers/sandbox.js";

describe("the explorer's sandbox scope", () => {
  it("is the examples' fixed name when no folder is named, wherever they are installed", async () => {
    const sb = await embeddedSandboxStarter({ sandbox: true }, RUNTIME, FIXTURES)();
    try {
      expect(sb.scope).toBe(sandboxScope());
      expect(sb.scope).toBe("lambda-explorer sandbox");
    } finally {
      await sb.close();
    }
  }, 60_000);

  it("names the folder the user gave", async () => {
    const sb = await embeddedSandboxStarter({ sandbox: true }, RUNTIME, "/nonexistent-examples")(FIXTURES);
    try {
      expect(sb.scope).toBe(sandboxScope(path.resolve(FIXTURES)));
      expect(sb.scope).not.toBe(sandboxScope());
    } finally {
      await sb.close();
    }
  }, 60_000);
});
