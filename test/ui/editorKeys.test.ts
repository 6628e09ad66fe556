import { describe, expect, it } from "vitest";
import { chunkEdits, editorKey } from "../../src/ui/panes/payload/editorKeys.js";
import { statusText } from "../../src/ui/panes/payload/PayloadEditor.js";
import { checkPayload } from "../../src/core/payload.js";
import { key } from "./picker/functions.js";

describe("editorKey", () => {
  it("maps editor commands from the key table before text", () => {
    expect(editorKey("s", key({ ctrl: true }), 10)).toEqual({ command: "editor.invoke" });
    expect(editorKey("f", key({ ctrl: true }), 10)).toEqual({ command: "editor.format" });
    expect(editorKey("", key({ escape: true }), 10)).toEqual({ command: "editor.leave" });
  });

  it("turns keys into edits: Enter is a newline, Ink's delete is Backspace, arrows move", () => {
    expect(editorKey("", key({ return: true }), 10)).toEqual({ edit: { type: "newline" } });
    expect(editorKey("", key({ delete: true }), 10)).toEqual({ edit: { type: "backspace" } });
    expect(editorKey("d", key({ ctrl: true }), 10)).toEqual({ edit: { type: "delete" } });
    expect(editorKey("", key({ leftArrow: true, ctrl: true }), 10)).toEqual({
      edit: { type: "move", to: "wordLeft", page: 10 },
    });
    expect(editorKey("", key({ pageDown: true }), 7)).toEqual({
      edit: { type: "move", to: "pageDown", page: 7 },
    });
    expect(editorKey("q", key(), 10)).toEqual({ edit: { type: "insert", text: "q" } });
    expect(editorKey("x", key({ ctrl: true }), 10)).toBeNull();
  });

  it("reads a chunk of several keys or a paste character by character", () => {
    expect(editorKey("\u007f\u007f", key(), 10)).toEqual({
      edits: [{ type: "backspace" }, { type: "backspace" }],
    });
    expect(chunkEdits('{\r\n  "a": 1\r}\u0007')).toEqual([{ type: "insert", text: '{\n  "a": 1\n}' }]);
    expect(chunkEdits("ab\u007fc\tz")).toEqual([
      { type: "insert", text: "ab" },
      { type: "backspace" },
      { type: "insert", text: "c  z" },
    ]);
  });
});

describe("the status line", () => {
  it("says valid, empty or where it breaks, with the size against the type's limit", () => {
    expect(statusText(checkPayload('{"a":1}'), "RequestResponse")).toEqual({
      text: "✓ valid JSON · 7 B of 6.0 MB",
      ok: true,
    });
    expect(statusText(checkPayload(""), "Event").text).toBe("✓ empty payload (sent as {}) · 0 B of 1.0 MB");
    const broken = statusText(checkPayload('{"a": }'), "RequestResponse");
    expect(broken.ok).toBe(false);
    expect(broken.text).toMatch(/^✗ line 1, column 7: Expected a value · 7 B of 6\.0 MB$/);
  });

  it("says how far over the limit a payload is, with no line and column (once 'line 1, column 1')", () => {
    const big = statusText(checkPayload(`"${"x".repeat(1024 * 1024 - 1)}"`, "Event"), "Event");
    expect(big.ok).toBe(false);
    expect(big.text).toBe(
      "✗ Payload is 1.0 MB (1,048,577 bytes), 1 byte over the 1 MB limit for Event invocations · 1.0 MB of 1.0 MB",
    );
  });
});
