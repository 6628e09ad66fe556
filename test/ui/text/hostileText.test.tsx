// Property tests: hostile text from functions, endpoints and histories, drawn by every pane that
// shows foreign text, never reaches the terminal as something it acts on or that hides text,
// and never makes a row wider than its pane (widths counted per grapheme cluster).
import fc from "fast-check";
import { render } from "ink-testing-library";
import type { ReactElement } from "react";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { summarize } from "../../../src/core/history-record.js";
import { FunctionPane } from "../../../src/ui/panes/payload/FunctionPane.js";
import { initialQualifierState, qualifierReducer } from "../../../src/ui/panes/payload/qualifierReducer.js";
import { historyReducer, initialHistoryState } from "../../../src/ui/panes/history/historyReducer.js";
import { HistoryPane } from "../../../src/ui/panes/history/HistoryPane.js";
import { HistoryDiff } from "../../../src/ui/panes/history/HistoryDiff.js";
import { RecordedPayload } from "../../../src/ui/panes/history/RecordedPayload.js";
import { bodyLines } from "../../../src/ui/panes/result/bodyLines.js";
import { diffResponses } from "../../../src/core/response-diff.js";
import { initialPickerState, pickerReducer, settled } from "../../../src/ui/picker/pickerReducer.js";
import { Picker } from "../../../src/ui/picker/Picker.js";
import { fit } from "../../../src/ui/text/fit.js";
import { safeLine, safeText } from "../../../src/ui/text/safeText.js";
import { result } from "../../helpers/invoke-result.js";
import { record } from "../history/rows.js";
import { fn } from "../picker/functions.js";
import { done, events, ID, showResult, withLogs } from "../result/resultHarness.js";

const ESC = "\u001b";
/** Pieces hostile text is made of, mixed with ordinary text in every script. */
const PIECES = [
  `${ESC}[2J${ESC}[H`,
  `${ESC}]0;pwned\u0007`,
  `${ESC}]52;c;aGVsbG8=\u0007`,
  `${ESC}]8;;http://evil${ESC}\\link`,
  "\u009b31m",
  "\r",
  "\b",
  "\u0000",
  "\u007f",
  "\t",
  "\n",
  "\u2028",
  "\u2029",
  "\u202a",
  "\u202e",
  "\u2066",
  "\u2069",
  "\u200b",
  "\u200d",
  "\u200e",
  "\ufeff",
  "\u2060",
  "👩‍💻",
  "🏳️‍🌈",
  "👍🏽",
  "❤️‍🔥",
  "e\u0301",
  "日本語",
  "한국어",
  "é",
  "plain text ",
  "x",
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "grapheme", maxLength: 4 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(""));

// What the terminal must never receive: controls (newline aside: Ink draws rows), separators,
// bidi controls, zero-width and format characters, and a ZWJ outside an emoji sequence.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\u200d(?!(?<=\p{Extended_Pictographic}(?:\u{fe0f}|\p{Emoji_Modifier})?\u200d)\p{Extended_Pictographic})/u;

function checkFrame(frame: string, width: number, what: string): void {
  expect(frame, what).not.toMatch(FORBIDDEN);
  for (const row of frame.split("\n"))
    expect(stringWidth(row), `${what}: ${JSON.stringify(row)}`).toBeLessThanOrEqual(width);
}

function draw(element: ReactElement): string {
  const t = render(element);
  const frame = t.lastFrame() ?? "";
  t.unmount();
  return frame;
}

const RUNS = { numRuns: 60 };

describe("hostile text on every drawing path", () => {
  it("the text helpers: safeText, safeLine and fit", () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 40 }), (text, width) => {
        expect(safeText(text).replace(/[\t\n]/g, "")).not.toMatch(FORBIDDEN);
        expect(safeLine(text)).not.toMatch(FORBIDDEN);
        const fitted = fit(safeLine(text), width, true);
        expect(stringWidth(fitted)).toBe(width);
      }),
      { numRuns: 500 },
    );
  });

  it("the function pane: description, name, facts, details error and qualifiers", () => {
    fc.assert(
      fc.property(hostile, hostile, fc.integer({ min: 12, max: 60 }), (text, other, width) => {
        const f = fn(`fn-${other}`, { description: text, runtime: other, logGroup: `/aws/lambda/${text}` });
        const qualifier = qualifierReducer(initialQualifierState(), {
          type: "options",
          versions: [other],
          aliases: [{ name: text, version: other, description: text, arn: `arn:${text}` }],
        });
        const details = { versions: [other], aliases: [], loading: false, error: text };
        const frame = draw(
          <FunctionPane fn={f} details={details} qualifier={qualifier} width={width} height={14} focused />,
        );
        checkFrame(frame, width, "function pane");
      }),
      RUNS,
    );
  });

  it("the picker: function names, runtimes and the typed query", () => {
    fc.assert(
      fc.property(hostile, hostile, fc.integer({ min: 8, max: 60 }), (name, query, width) => {
        let s = initialPickerState();
        s = pickerReducer(s, { type: "resize", rows: 6 });
        s = pickerReducer(s, {
          type: "items",
          items: [fn(name, { runtime: query }), fn("orders-api")],
          loading: false,
        });
        const unfiltered = draw(<Picker state={settled(s)} width={width} height={8} focused />);
        checkFrame(unfiltered, width, "picker");
        s = pickerReducer(pickerReducer(s, { type: "startFilter" }), { type: "type", text: query });
        const filtered = draw(<Picker state={settled(s)} width={width} height={8} focused />);
        checkFrame(filtered, width, "picker filtered");
      }),
      RUNS,
    );
  });

  it("history rows and the qualifier chooser", () => {
    fc.assert(
      fc.property(hostile, hostile, fc.integer({ min: 20, max: 100 }), (text, other, width) => {
        const r = record({
          name: text,
          qualifier: other,
          response: {
            statusCode: 200,
            executedVersion: other,
            functionError: text,
            requestId: text,
            payload: text,
            logTail: text,
          },
        });
        const row = summarize(r);
        let s = historyReducer(initialHistoryState(), { type: "resize", height: 6 });
        s = historyReducer(s, { type: "loaded", rows: [row], damaged: null });
        checkFrame(draw(<HistoryPane state={s} width={width} height={8} focused />), width, "history rows");
        const chooser = historyReducer(s, {
          type: "choose",
          entry: row,
          options: [
            { qualifier: "$LATEST", label: "$LATEST" },
            { qualifier: other, label: `${text} → v${other}` },
          ],
        });
        expect(chooser.overlay?.kind).toBe("choose");
        checkFrame(draw(<HistoryPane state={chooser} width={width} height={8} focused />), width, "chooser");
      }),
      RUNS,
    );
  });

  it("an opened history entry: the recorded payload and what ran", () => {
    fc.assert(
      fc.property(hostile, hostile, fc.integer({ min: 20, max: 100 }), (text, other, width) => {
        const r = record({ name: text, qualifier: other, payload: JSON.stringify({ [other]: text }) });
        const raw = record({ name: other, qualifier: text, payload: `${text}\n${other}` });
        for (const entry of [r, raw]) {
          const view = { record: entry, lines: bodyLines(entry.payload), top: 0, now: Date.parse(entry.at) };
          checkFrame(
            draw(<RecordedPayload view={view} width={width} height={10} focused />),
            width,
            "recorded payload",
          );
        }
      }),
      RUNS,
    );
  });

  it("a replay's diff against its recording", () => {
    fc.assert(
      fc.property(hostile, hostile, fc.integer({ min: 20, max: 100 }), (text, other, width) => {
        const original = record({
          name: text,
          qualifier: other,
          response: {
            ...record().response,
            payload: JSON.stringify({ message: text }),
            functionError: other,
          },
        });
        const replay = record({
          name: text,
          qualifier: text,
          response: {
            ...record().response,
            executedVersion: other,
            payload: JSON.stringify({ message: other, [text]: 1 }),
            functionError: text,
          },
        });
        let s = historyReducer(initialHistoryState(), { type: "resize", height: 6 });
        s = historyReducer(s, { type: "loaded", rows: [summarize(original)], damaged: null });
        s = historyReducer(s, { type: "replaying", original: summarize(original), qualifier: other });
        for (const [diff, message] of [
          [diffResponses(original, replay), null],
          [null, `${other}: ${text}`],
        ] as const) {
          const done = historyReducer(s, { type: "replayed", replay: summarize(replay), diff, message });
          if (done.overlay?.kind !== "diff") throw new Error("no diff overlay");
          checkFrame(draw(<HistoryDiff overlay={done.overlay} width={width} height={12} />), width, "diff");
        }
      }),
      RUNS,
    );
  });

  it("the result: summary, error message and stack, response body, tail and complete log", () => {
    fc.assert(
      fc.property(hostile, hostile, fc.integer({ min: 20, max: 130 }), (text, other, width) => {
        const error = {
          errorType: other,
          errorMessage: text,
          trace: [`${other}: ${text}`, `    at ${text}`],
        };
        const s = withLogs(
          done(
            result({
              functionError: text,
              error,
              executedVersion: other,
              payloadText: JSON.stringify({ message: text, [other]: [text] }),
              payloadJson: undefined,
              tail: `START RequestId: ${ID} Version: $LATEST\n${text}\n${other}\n`,
              requestId: ID,
            }),
          ),
          "complete",
          events([
            `START RequestId: ${ID} Version: $LATEST`,
            text,
            `2026-01-01T00:00:00.000Z\t${ID}\tINFO\t${other}`,
          ]),
        );
        const t = showResult(s, width, 30);
        const frame = t.frame();
        t.unmount();
        checkFrame(frame, width, "result");
      }),
      RUNS,
    );
  });
});
