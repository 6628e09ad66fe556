import { createElement } from "react";
import { render } from "ink-testing-library";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { PathPrompt, pathWindow } from "../../../src/ui/panes/payload/PathPrompt.js";
import { initialPathPrompt, type PathPromptState } from "../../../src/ui/panes/payload/pathPromptReducer.js";

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");

function frame(state: PathPromptState, width = 60, label?: string): string[] {
  const { lastFrame, unmount } = render(
    createElement(PathPrompt, { state, width, ...(label ? { label } : {}) }),
  );
  const out = plain(lastFrame() ?? "");
  unmount();
  return out.split("\n").map((l) => l.trimEnd());
}

describe("PathPrompt", () => {
  it("draws the path with a bar at the cursor", () => {
    expect(frame(initialPathPrompt("./events/order.json"))).toEqual(["Load file: ./events/order.json▏"]);
    expect(frame({ ...initialPathPrompt("./a.json"), cursor: 2 })).toEqual(["Load file: ./▏a.json"]);
    expect(frame(initialPathPrompt(), 60, "Save to: ")).toEqual(["Save to: ▏"]);
  });

  it("lists the candidates, counting those left out, and the message under it", () => {
    const state: PathPromptState = {
      ...initialPathPrompt("orders"),
      candidates: ["orders-v1.json", "orders/"],
      moreCandidates: 4,
      message: "No file at /x/orders",
    };
    expect(frame(state)).toEqual([
      "Load file: orders▏",
      "orders-v1.json  orders/  +4 more",
      "No file at /x/orders",
    ]);
  });

  it("keeps a long path within the width, the cursor in view", () => {
    const long = "/very/long/directory/name/that/goes/on/and/on/events/order-2024-06-01.json";
    for (const cursor of [0, 20, long.length]) {
      const [line = ""] = frame({ ...initialPathPrompt(long), cursor }, 40);
      expect(stringWidth(line)).toBeLessThanOrEqual(40);
      expect(line).toContain("▏");
    }
    expect(frame(initialPathPrompt(long), 40)[0]).toBe("Load file: …vents/order-2024-06-01.json▏");
  });
});

describe("pathWindow", () => {
  it("shows everything that fits", () => {
    expect(pathWindow("abc", 1, 10)).toEqual({ before: "a", after: "bc" });
  });

  it("cuts with … and keeps most of the room before the cursor", () => {
    const w = pathWindow("0123456789abcdefghij", 10, 9);
    expect(w).toEqual({ before: "…56789", after: "ab…" });
    expect(stringWidth(w.before + w.after)).toBe(9);
  });

  it("counts wide characters and never splits them", () => {
    const text = "文件/数据/事件.json";
    expect(pathWindow(text, text.length, 8)).toEqual({ before: "…件.json", after: "" });
    // One column short of 件: it is left out whole, not cut in half.
    expect(pathWindow(text, text.length, 7)).toEqual({ before: "….json", after: "" });
    expect(pathWindow(text, 0, 6)).toEqual({ before: "", after: "文件/…" });
    expect(pathWindow(text, 0, 4)).toEqual({ before: "", after: "文…" });
  });

  it("escapes control characters", () => {
    expect(pathWindow("a\u001bb", 3, 10)).toEqual({ before: "a\\eb", after: "" });
  });
});
