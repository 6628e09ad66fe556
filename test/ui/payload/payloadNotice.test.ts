// The payload editor's notice takes the rows Ink's word wrap gives it, so the status line above
// it is never pushed out of the pane.
import { describe, expect, it } from "vitest";
import { noticeRows } from "../../../src/ui/panes/payload/PayloadEditor.js";

describe("noticeRows", () => {
  it("counts a path that wraps alone onto its own row", () => {
    // 72 columns of text in 41: a division says 2 rows, Ink's word wrap needs 3.
    const notice = "Loaded /work/main/fixtures/templates/sqs.json (1.6 KB). Ctrl+Z undoes.";
    expect(noticeRows(notice, 41)).toBe(3);
  });

  it("is one row for a short notice, and never more than three", () => {
    expect(noticeRows("Saved.", 40)).toBe(1);
    expect(noticeRows("word ".repeat(100), 20)).toBe(3);
  });

  it("measures wide characters by columns", () => {
    expect(noticeRows("東".repeat(10), 10)).toBe(2);
  });
});
