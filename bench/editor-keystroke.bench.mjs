// The payload editor with a 1 MB payload: the time to paste it, then the time per keystroke
// (typing, deleting, moving) including the layout of a 120x40 view, which is what a frame costs
// before Ink draws it. src/ui/editor is bundled with esbuild so this runs without a full build.
import { figure, importSource, megabyteEvent, percentile } from "./lib.mjs";

const editor = await importSource(
  [
    'export * from "./src/ui/panes/payload/textBuffer.ts";',
    'export * from "./src/ui/panes/payload/editorLayout.ts";',
  ].join("\n"),
);
const { createBuffer, editReducer, bufferText, layoutEditor } = editor;

const payload = megabyteEvent();
const fmt = (ms) => `${ms.toFixed(3)} ms`;
const mb = (payload.length / 1e6).toFixed(2);
const lineCount = payload.split("\n").length;

const pastes = [];
let b;
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  b = editReducer(createBuffer(), { type: "insert", text: payload });
  pastes.push(performance.now() - s);
}
pastes.sort((x, y) => x - y);
if (bufferText(b) !== payload) throw new Error("paste lost text");
const pasteMs = percentile(pastes, 50);
figure({
  figure: `paste ${mb} MB (${lineCount.toLocaleString("en-US")} lines), median`,
  measured: fmt(pasteMs),
  target: "< 100 ms",
  met: pasteMs < 100,
});

// Keystrokes in the middle of the payload, each followed by the layout of the frame.
const KEYS = [
  { type: "insert", text: "x" },
  { type: "insert", text: "y" },
  { type: "insert", text: "中" },
  { type: "backspace" },
  { type: "move", to: "left" },
  { type: "move", to: "down" },
  { type: "insert", text: "😀" },
  { type: "move", to: "wordRight" },
  { type: "move", to: "end" },
  { type: "newline" },
  { type: "insert", text: '"' },
  { type: "backspace" },
  { type: "backspace" },
  { type: "move", to: "up" },
  { type: "move", to: "home" },
  { type: "delete" },
  { type: "move", to: "pageDown", page: 40 },
  { type: "move", to: "right" },
  { type: "move", to: "pageUp", page: 40 },
  { type: "undo" },
];

function measure(start, opts) {
  let s0 = start;
  let scrollTop = 0;
  let scrollLeft = 0;
  const frame = (buf) => {
    const l = layoutEditor(buf, 120, 40, scrollTop, { ...opts, scrollLeft });
    ({ scrollTop, scrollLeft } = l);
    return l;
  };
  for (let i = 0; i < 300; i++) frame((s0 = editReducer(s0, KEYS[i % KEYS.length]))); // warm-up
  const total = [];
  const reducer = [];
  let buf = s0;
  for (let i = 0; i < 1000; i++) {
    const t0 = performance.now();
    buf = editReducer(buf, KEYS[i % KEYS.length]);
    const t1 = performance.now();
    frame(buf);
    const t2 = performance.now();
    reducer.push(t1 - t0);
    total.push(t2 - t0);
  }
  total.sort((x, y) => x - y);
  reducer.sort((x, y) => x - y);
  return { total, reducer };
}

let ok = pasteMs < 100;
for (const [label, opts] of [
  ["wrapped", { wrap: true }],
  ["unwrapped", { wrap: false }],
]) {
  const { total, reducer } = measure({ ...b, row: Math.floor(b.lines.length / 2), col: 4 }, opts);
  const median = percentile(total, 50);
  ok &&= median < 16;
  figure({
    figure: `keystroke + layout 120x40, ${label}, median`,
    measured: fmt(median),
    target: "< 16 ms",
    met: median < 16,
  });
  figure({ figure: `keystroke + layout 120x40, ${label}, p95`, measured: fmt(percentile(total, 95)) });
  figure({ figure: `keystroke alone (reducer), ${label}, median`, measured: fmt(percentile(reducer, 50)) });
  figure({ figure: `keystroke alone (reducer), ${label}, p95`, measured: fmt(percentile(reducer, 95)) });
}

// The worst shape: a payload minified onto one line, as events copied from logs are. Every frame
// wraps that whole line, so this costs more (no target; for reference).
const { Records: records } = JSON.parse(payload);
const minified = JSON.stringify({ Records: records.concat(records) });
const one = editReducer(createBuffer(), { type: "insert", text: minified });
const { total } = measure({ ...one, row: 0, col: minified.indexOf('"evt-', 500_000) }, { wrap: true });
figure({
  figure: `one ${(minified.length / 1e6).toFixed(2)} MB line, keystroke + layout, median`,
  measured: fmt(percentile(total, 50)),
});
figure({
  figure: `one ${(minified.length / 1e6).toFixed(2)} MB line, keystroke + layout, p95`,
  measured: fmt(percentile(total, 95)),
});

process.exitCode = ok ? 0 : 1;
