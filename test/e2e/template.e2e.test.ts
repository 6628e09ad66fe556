// The explorer started on a SAM template in a real terminal (tmux): the header names the
// template at every size, and the template's problems are on the terminal once it closes.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hasTmux, openTerminal, type Terminal } from "../helpers/tmux.js";

let term: Terminal | null = null;
afterEach(() => {
  term?.stop();
  term = null;
});

it("has tmux to run the end-to-end tests (.ci/run installs it)", () => {
  expect(hasTmux()).toBe(true);
});

describe("the explorer on a template sandbox", () => {
  it("names the template in the header at 80x24, 120x40 and 200x60", async () => {
    term = openTerminal(["--sandbox", "fixtures/sam-app/template.yaml"], 120, 40);
    const wide = await term.waitFor(/5 functions +\? help[\s\S]*sam-py-raiser/);
    expect(wide).toMatch(/^lambda-explorer · sandbox · fixtures\/sam-app\/template\.yaml · us-east-1 · /m);
    for (const name of ["CfnNodeFunction", "sam-custom-echo", "sam-node-hello", "sam-py-hello"])
      expect(wide).toContain(name);
    // Each size is waited for drawn: the header across the whole width.
    term.resize(80, 24);
    const small = await term.waitFor(/^(?=.{80}$)lambda-explorer · .*\? help$/m);
    expect(small).toMatch(/^lambda-explorer · sandbox · fixtures\/sam-app\/template\.yaml · /m);
    term.resize(200, 60);
    const large = await term.waitFor(/^(?=.{200}$)lambda-explorer · .*\? help$/m);
    expect(large).toMatch(
      /^lambda-explorer · sandbox · fixtures\/sam-app\/template\.yaml · .*· 5 functions +\? help$/m,
    );
    term.type("q");
    await term.waitFor(/__EXITED__ rc=0/);
  });

  it("prints the template's problems on the terminal once it has closed", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lx-e2e-sam-"));
    mkdirSync(path.join(dir, "code"));
    const file = path.join(dir, "template.yaml");
    writeFileSync(
      file,
      "Resources:\n  JavaHello:\n    Type: AWS::Serverless::Function\n    Properties:\n" +
        "      CodeUri: code\n      Handler: hello.App::handleRequest\n      Runtime: java21\n",
    );
    term = openTerminal(["--sandbox", file], 120, 40);
    await term.waitFor(/1 function +\? help[\s\S]*JavaHello/);
    term.type("q");
    const after = await term.waitFor(/__EXITED__ rc=0/);
    expect(after).toContain(`${file}: 1 problem (the sandbox runs what it can):`);
    expect(after).toMatch(/Resources\.JavaHello: cannot run: runtime java21 is not supported/);
  });
});
