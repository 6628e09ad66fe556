// An opened history entry's payload drawn in the payload pane: marked as recorded, with what
// ran and when, pretty-printed, wrapped, scrolled, and made safe.
import { describe, expect, it } from "vitest";
import type { HistoryRecord } from "../../../src/core/history-record.js";
import { bodyLines } from "../../../src/ui/panes/result/bodyLines.js";
import { RecordedPayload } from "../../../src/ui/panes/history/RecordedPayload.js";
import { recordedFrame, recordedMaxTop } from "../../../src/ui/panes/history/recordedLayout.js";
import { timeLabel } from "../../../src/ui/text/timeLabel.js";
import { renderTui } from "../../helpers/render-tui.js";
import { record } from "./rows.js";

const MIN = 60_000;

function draw(r: HistoryRecord, o: { width?: number; height?: number; top?: number; now?: number } = {}) {
  const view = { record: r, lines: bodyLines(r.payload), top: o.top ?? 0, now: o.now ?? Date.parse(r.at) };
  const t = renderTui(<RecordedPayload view={view} width={o.width ?? 60} height={o.height ?? 12} focused />);
  const f = t.frame();
  t.unmount();
  return f;
}

describe("RecordedPayload", () => {
  it("says what ran, when, and that the payload is the recorded one, read-only", () => {
    const r = record({
      name: "orders-api",
      qualifier: "live",
      payload: '{"marker":"zz1","items":[1,2]}',
      response: { ...record().response, statusCode: 200, executedVersion: "7" },
    });
    const f = draw(r, { now: Date.parse(r.at) + 3 * MIN + 5000 });
    const rows = f.split("\n");
    expect(rows[0]).toContain(`Recorded · orders-api:live · ${timeLabel(r.at)} · 3 min ago`);
    // Pretty-printed, one value a line.
    expect(rows.slice(1, 7).map((l) => l.trimEnd())).toEqual([
      "{",
      '  "marker": "zz1",',
      '  "items": [',
      "    1,",
      "    2",
      "  ]",
    ]);
    expect(f).toMatch(/RequestResponse · 200 · ExecutedVersion 7 · 30 B sent/);
    expect(rows.at(-1)).toContain("recorded payload (read-only) · e edits a copy · Esc closes");
    // The whole payload fits: no position to give.
    expect(f).not.toMatch(/\d+–\d+\/\d+/);
  });

  it("wraps a long line rather than hiding its end, and scrolls a long payload", () => {
    const long = `{"text":"${"a".repeat(70)}END","list":[${Array.from({ length: 30 }, (_, i) => i).join(",")}]}`;
    const r = record({ payload: long });
    const top = draw(r, { width: 40, height: 10 });
    expect(top).toContain("END");
    // Where the view is, beside a shorter read-only note.
    expect(top).toMatch(/read-only · e edits a copy +1–\d+\/35\n?$/);

    const max = recordedMaxTop(bodyLines(long), 40, recordedFrame(r, 40, 10).body);
    const bottom = draw(r, { width: 40, height: 10, top: max });
    expect(bottom).toContain("    29");
    expect(bottom).toMatch(/\d+–35\/35/);
    expect(bottom).not.toContain("END");
    // Past the end (the pane grew): the view still ends at the last line, not below it.
    expect(draw(r, { width: 40, height: 10, top: 999 })).toBe(bottom);
  });

  it("shows foreign text escaped, and text that is not JSON as it was sent", () => {
    const r = record({ name: "evil\u001b]0;x\u0007fn", payload: "plain \u001b[31mred\u001b[0m text" });
    const f = draw(r);
    expect(f).not.toContain("\u001b]0;");
    expect(f).toContain("evil\\e]0;x\\x07fn");
    expect(f).toContain("plain \\e[31mred\\e[0m text");
  });

  it("folds its title and meta rows into a narrow pane, keeping the time", () => {
    const r = record({ name: "orders-api", qualifier: "live", payload: '{"a":1}' });
    const rows = draw(r, { width: 32, height: 12, now: Date.parse(r.at) + 2 * MIN }).split("\n");
    expect(rows[0]).toContain("Recorded · orders-api:live");
    expect(rows[1]).toContain(`${timeLabel(r.at)} · 2 min ago`);
    expect(rows.join("\n")).toMatch(/RequestResponse · 200\s*\n\s*ExecutedVersion \$LATEST/);
    expect(rows.at(-1)).toContain("read-only · e edits a copy");
  });

  it("says so when the payload was empty, and gives up its lower rows before its title", () => {
    expect(draw(record({ payload: "" }))).toContain("(an empty payload)");
    const tiny = draw(record({ payload: '{"a":1}' }), { height: 2 }).split("\n");
    expect(tiny).toHaveLength(2);
    expect(tiny[0]).toContain("Recorded · orders-api");
    expect(tiny[1]).toContain("{");
  });
});
