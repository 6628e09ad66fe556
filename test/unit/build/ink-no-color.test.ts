// The build's NO_COLOR wrapper of Ink's colorize (scripts/patches/ink-6.8.0-no-color.mjs) on the installed
// Ink: it applies, keeps colour without NO_COLOR, and fails the build loudly once Ink changes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script, without types
import { transformColorize } from "../../../scripts/patches/ink-6.8.0-no-color.mjs";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const source = readFileSync(path.join(ROOT, "node_modules/ink/build/colorize.js"), "utf8");

describe("ink-no-color", () => {
  it("applies to the installed Ink", () => {
    const out = (transformColorize as (s: string) => string)(source);
    expect(out).toContain("process.env.NO_COLOR");
    expect(out).not.toContain("export default colorize;");
  });

  it("fails loudly when Ink's colorize no longer has what it wraps", () => {
    expect(() => (transformColorize as (s: string) => string)("export default paint;")).toThrow(
      /ink-no-color: .* not found/,
    );
  });
});
