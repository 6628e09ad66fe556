import path from "node:path";
import { describe, expect, it } from "vitest";
import { HISTORY_ENV, resolveHistoryFile } from "../../../src/state/history-store.js";

describe("resolveHistoryFile", () => {
  const env = { LAMBDA_EXPLORER_STATE_DIR: "/state" };

  it("takes --history first, then the variable, then history.jsonl in the state directory", () => {
    expect(resolveHistoryFile("mine.jsonl", { ...env, [HISTORY_ENV]: "/env.jsonl" }, "/cwd")).toBe(
      path.resolve("/cwd/mine.jsonl"),
    );
    expect(resolveHistoryFile(undefined, { ...env, [HISTORY_ENV]: "/env.jsonl" }, "/cwd")).toBe("/env.jsonl");
    expect(resolveHistoryFile(undefined, env, "/cwd")).toBe("/state/history.jsonl");
  });

  it("counts an empty flag or variable as not given", () => {
    expect(resolveHistoryFile("", { ...env, [HISTORY_ENV]: "" }, "/cwd")).toBe("/state/history.jsonl");
  });

  it("follows XDG_STATE_HOME when no state directory is set", () => {
    const file = resolveHistoryFile(undefined, { XDG_STATE_HOME: "/xdg" }, "/cwd");
    // env-paths reads the environment once, at load: the test sees the process's own setting.
    expect(file.endsWith(path.join("lambda-explorer", "history.jsonl"))).toBe(true);
  });
});
