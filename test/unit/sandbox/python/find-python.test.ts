// Which Python runs the sandbox's Python functions, and what the user is told without one.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPython, PYTHON_ENV } from "../../../../src/sandbox/runtime-python/find-python.js";

describe("findPython", () => {
  it("finds the machine's python3 and names its real executable and version", () => {
    const found = findPython({ ...process.env, [PYTHON_ENV]: "" });
    const version = execFileSync("python3", ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], {
      encoding: "utf8",
    }).trim();
    expect(found).toEqual({ executable: expect.stringMatching(/python/), version });
    // The real interpreter, not a wrapper on PATH: it answers with itself as sys.executable.
    if ("executable" in found) {
      const self = execFileSync(found.executable, ["-c", "import sys; print(sys.executable)"], {
        encoding: "utf8",
      });
      expect(self.trim()).toBe(found.executable);
    }
  });

  it("says Python is missing and what to do when the interpreter does not exist", () => {
    const found = findPython({ ...process.env, [PYTHON_ENV]: "/nonexistent/python3" });
    expect(found).toEqual({ unavailable: expect.stringContaining("/nonexistent/python3") });
    if ("unavailable" in found) {
      expect(found.unavailable).toContain("was not found");
      expect(found.unavailable).toContain("Install Python 3.8 or later");
    }
  });

  it("refuses a Python older than 3.8 and names its version", () => {
    // An interpreter that reports 3.7, as an old machine's python3 would.
    const dir = mkdtempSync(path.join(os.tmpdir(), "lx-oldpy-"));
    const old = path.join(dir, "python3");
    writeFileSync(old, `#!/bin/sh\necho ${old}\necho 3.7.17\n`);
    chmodSync(old, 0o755);
    const found = findPython({ ...process.env, [PYTHON_ENV]: old });
    expect(found).toEqual({ unavailable: expect.stringContaining("is Python 3.7.17") });
  });
});
