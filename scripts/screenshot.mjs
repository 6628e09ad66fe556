// Draws docs/explorer.svg, README's picture of the explorer, from a real run: the built CLI
// on its sandbox in tmux (160x36), a function chosen and invoked, the screen captured with its
// colours and drawn as SVG text. Run it after `npm run build` whenever the screen changes:
//   npm run screenshot
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const COLUMNS = 160;
const ROWS = 36;
// The 16 ANSI colours (a dark theme's), then the screen as SVG text, cell by cell in runs.
const PALETTE = [
  "#1e1e1e",
  "#f14c4c",
  "#23d18b",
  "#f5f543",
  "#3b8eea",
  "#d670d6",
  "#29b8db",
  "#cccccc",
  "#666666",
  "#f14c4c",
  "#23d18b",
  "#f5f543",
  "#3b8eea",
  "#d670d6",
  "#29b8db",
  "#ffffff",
];
const FG = "#cccccc";
// The escape character is what these parse.
// eslint-disable-next-line no-control-regex
const SGR_SPLIT = /(\x1b\[[0-9;]*m)/;
// eslint-disable-next-line no-control-regex
const SGR = /^\x1b\[([0-9;]*)m$/;
const BG = "#1e1e1e";

const socket = `lx-screenshot-${process.pid}`;
const tmux = (...a) => execFileSync("tmux", ["-L", socket, ...a], { encoding: "utf8" });
const home = mkdtempSync(path.join(os.tmpdir(), "lx-screenshot-"));
const env = `HOME='${home}' LAMBDA_EXPLORER_STATE_DIR='${home}/state' LAMBDA_EXPLORER_CACHE_DIR='${home}/cache'`;
tmux(
  ...["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", String(COLUMNS), "-y", String(ROWS)],
  `env -u NO_COLOR -u FORCE_COLOR ${env} TERM=xterm-256color '${process.execPath}' dist/cli.js --sandbox`,
);

/** Waits (without a time budget: a slow machine only takes longer) until the screen matches. */
async function waitFor(pattern) {
  for (let i = 0; ; i++) {
    const screen = tmux("capture-pane", "-p", "-t", "t");
    if (pattern.test(screen)) return;
    if (i > 1200) throw new Error(`the screen never showed ${pattern}:\n${screen}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

try {
  await waitFor(/\d+ functions[\s\S]*orders-api/);
  tmux("send-keys", "-t", "t", "-l", "/orders");
  await waitFor(/\/orders/);
  tmux("send-keys", "-t", "t", "Enter");
  await waitFor(/orders-api:\$LATEST/);
  tmux("send-keys", "-t", "t", "C-s");
  await waitFor(/complete \(REPORT seen\)/);
  // Two captures in a row that agree: the frame is whole.
  let raw = "";
  for (let prev = null; raw !== prev;) {
    prev = raw;
    await new Promise((r) => setTimeout(r, 300));
    raw = tmux("capture-pane", "-p", "-e", "-t", "t");
  }
  writeFileSync("docs/explorer.svg", toSvg(raw));
  console.log("docs/explorer.svg written");
} finally {
  tmux("kill-server");
}

function toSvg(raw) {
  const lines = raw.replace(/\n$/, "").split("\n").slice(0, ROWS);
  const cw = 8.4;
  const lh = 17;
  const out = [];
  lines.forEach((line, row) => {
    let style = { fg: null, bg: null, bold: false, dim: false, inverse: false };
    let col = 0;
    let run = { text: "", style, col: 0 };
    const flush = () => {
      if (run.text) out.push(cell(run, row));
      run = { text: "", style, col };
    };
    for (const part of line.split(SGR_SPLIT)) {
      const sgr = SGR.exec(part);
      if (!sgr) {
        for (const ch of part) {
          run.text += ch;
          col++;
        }
        continue;
      }
      flush();
      style = apply(style, sgr[1]);
      run.style = style;
    }
    flush();
  });
  const w = Math.ceil(COLUMNS * cw) + 20;
  const h = ROWS * lh + 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">
<rect width="100%" height="100%" rx="6" fill="${BG}"/>
<g transform="translate(10 10)" xml:space="preserve">
${out.join("\n")}
</g>
</svg>
`;

  function cell(r, row) {
    let fg = r.style.fg ?? FG;
    let bg = r.style.bg;
    if (r.style.inverse) [fg, bg] = [bg ?? BG, fg];
    const x = (r.col * cw).toFixed(1);
    const y = row * lh;
    const width = ([...r.text].length * cw).toFixed(1);
    const rect = bg ? `<rect x="${x}" y="${y}" width="${width}" height="${lh}" fill="${bg}"/>` : "";
    const weight = r.style.bold ? ' font-weight="bold"' : "";
    const opacity = r.style.dim ? ' fill-opacity="0.6"' : "";
    const text = r.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return `${rect}<text x="${x}" y="${y + 13}" fill="${fg}"${weight}${opacity} textLength="${width}" lengthAdjust="spacingAndGlyphs">${text}</text>`;
  }
}

function apply(style, params) {
  const s = { ...style };
  const p = params === "" ? [0] : params.split(";").map(Number);
  for (let i = 0; i < p.length; i++) {
    const n = p[i];
    if (n === 0) Object.assign(s, { fg: null, bg: null, bold: false, dim: false, inverse: false });
    else if (n === 1) s.bold = true;
    else if (n === 2) s.dim = true;
    else if (n === 22) s.bold = s.dim = false;
    else if (n === 7) s.inverse = true;
    else if (n === 27) s.inverse = false;
    else if (n >= 30 && n <= 37) s.fg = PALETTE[n - 30];
    else if (n >= 90 && n <= 97) s.fg = PALETTE[n - 90 + 8];
    else if (n === 39) s.fg = null;
    else if (n >= 40 && n <= 47) s.bg = PALETTE[n - 40];
    else if (n >= 100 && n <= 107) s.bg = PALETTE[n - 100 + 8];
    else if (n === 49) s.bg = null;
    else if ((n === 38 || n === 48) && p[i + 1] === 5) {
      const c = p[i + 2];
      const hex = c < 16 ? PALETTE[c] : "#888888";
      if (n === 38) s.fg = hex;
      else s.bg = hex;
      i += 2;
    } else if ((n === 38 || n === 48) && p[i + 1] === 2) {
      const hex = `#${p
        .slice(i + 2, i + 5)
        .map((v) => v.toString(16).padStart(2, "0"))
        .join("")}`;
      if (n === 38) s.fg = hex;
      else s.bg = hex;
      i += 4;
    }
  }
  return s;
}
