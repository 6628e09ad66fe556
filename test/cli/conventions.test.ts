// The CLI conventions a user brings from git, npm and the AWS CLI: `help <command>`, a
// suggestion for a mistyped command, and one meaning for each short option.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("help and mistyped commands", () => {
  it("`help <command>` prints that command's help", async () => {
    const r = await runCli(["help", "invoke"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Usage: lambda-explorer invoke");
    expect(r.stdout).toContain("--payload-file");
  });

  it("a mistyped command suggests the nearest one, exit 2", async () => {
    const r = await runCli(["lsit"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "lsit"; did you mean list?');
    expect(r.stderr).not.toContain("too many arguments");
    const far = await runCli(["frobnicate"]);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('unknown command "frobnicate"');
    expect(far.stderr).not.toContain("did you mean");
    expect(far.stderr).toMatch(/Commands: .*invoke/);
  });
});

describe("short options", () => {
  it("-q is --qualifier wherever it exists: sandbox has no -q (its --quiet is long only)", async () => {
    const help = await runCli(["sandbox", "--help"]);
    expect(help.stdout).toMatch(/^\s+--quiet\b/m);
    expect(help.stdout).not.toMatch(/-q,/);
    for (const cmd of ["invoke", "replay"]) {
      expect((await runCli([cmd, "--help"])).stdout).toMatch(/-q, --qualifier <q>/);
    }
    const r = await runCli(["sandbox", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '-q'");
  });
});
