// The one way untrusted text (payloads, log lines, error messages, function names) is made safe
// for a terminal. A terminal acts on control characters: ESC and the C1 CSI (U+009B) start
// sequences that recolour, move the cursor, retitle the window or write to the clipboard; CR
// and BS overwrite what was drawn; bidi overrides reorder what follows (so text can read
// differently from what it is); zero-width and format characters hide text or make terminals
// disagree on its width (a stray ZWJ joins what it should not). All of these are shown as
// visible escapes instead (`\e[31m`, `\x07`, `\u202e`, `\u200b`), so the text reads as it is and
// can never drive the terminal. A ZWJ inside an emoji sequence (👩‍💻) is kept: it is one
// picture, as terminals draw it. Every drawing path uses this rule: the CLI's output, the
// explorer's panes (src/ui/text/safeText.ts) and the payload editor (src/ui/text/graphemes.ts).
import stringWidth from "string-width";

/** Columns between tab stops when tabs are expanded: narrow panes sit side by side. */
export const TAB_WIDTH = 4;

export interface SanitizeOptions {
  /**
   * `expand` (the default): spaces to the next tab stop, counted from the start of the line in
   * terminal columns; `keep`: left as a tab (it only moves the cursor right; for output that is
   * not drawn inside a frame); `escape`: shown as `\t`.
   */
  tabs?: "expand" | "keep" | "escape";
  /** `keep` (the default): "\n" stays a line break; `escape`: shown as `\n`, for one row. */
  newlines?: "keep" | "escape";
  tabWidth?: number;
}

// C0 controls (tab and newline included, handled by option), DEL and C1; zero width space, the
// LRM and RLM marks, the line and paragraph separators (some terminals break lines on them), the
// bidi embeddings, overrides and isolates, the word joiner and invisible operators, and the BOM
// (zero width no-break space); and a ZWJ unless it joins two pictographs (an emoji, maybe with a
// VS16 or a skin tone, before it). Every match is one UTF-16 unit.
const SPECIAL_RULE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\u200d(?!(?<=\p{Extended_Pictographic}(?:\u{fe0f}|\p{Emoji_Modifier})?\u200d)\p{Extended_Pictographic})/u;
const SPECIAL = new RegExp(SPECIAL_RULE.source, "gu");
const PLAIN = /^[\x20-\x7e]*$/;

/** The visible form of one special character: `\e`, `\r`, `\n`, `\t`, `\xHH` or `\uHHHH`. */
export function escapeChar(c: string): string {
  switch (c) {
    case "\u001b":
      return "\\e";
    case "\r":
      return "\\r";
    case "\n":
      return "\\n";
    case "\t":
      return "\\t";
    default: {
      const code = c.charCodeAt(0);
      return code > 0xff
        ? `\\u${code.toString(16).padStart(4, "0")}`
        : `\\x${code.toString(16).padStart(2, "0")}`;
    }
  }
}

const width = (s: string) => (PLAIN.test(s) ? s.length : stringWidth(s));

/**
 * `text` safe to draw: no control character, escape sequence or bidi control survives; each is
 * shown escaped. Costs one regex scan when there is nothing to escape (the usual case).
 */
export function sanitize(text: string, opts: SanitizeOptions = {}): string {
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(text)) return text;
  const tabs = opts.tabs ?? "expand";
  const keepNewlines = (opts.newlines ?? "keep") === "keep";
  const tabWidth = Math.max(1, Math.floor(opts.tabWidth ?? TAB_WIDTH));
  const out: string[] = [];
  // Terminal column of the last tab stop reached on this line, and what was written since: a
  // line is measured only when it holds a tab, so big text without tabs is never measured.
  let col = 0;
  let since: string[] = [];
  let from = 0;
  const put = (piece: string) => {
    out.push(piece);
    if (tabs === "expand") since.push(piece);
  };
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(text); m; m = SPECIAL.exec(text)) {
    const at = m.index;
    if (at > from) put(text.slice(from, at));
    from = at + 1;
    const c = m[0];
    if (c === "\n" && keepNewlines) {
      out.push("\n");
      col = 0;
      since = [];
    } else if (c === "\t" && tabs === "keep") {
      out.push("\t");
    } else if (c === "\t" && tabs === "expand") {
      col += width(since.join(""));
      since = [];
      const spaces = tabWidth - (col % tabWidth);
      out.push(" ".repeat(spaces));
      col += spaces;
    } else {
      put(escapeChar(c));
    }
  }
  if (from < text.length) out.push(text.slice(from));
  return out.join("");
}

/**
 * `text` with every special character shown escaped and each tab as `tab`, widths not counted:
 * for text laid out by its own rules (the payload editor shows a tab as its indent).
 */
export function escapeSpecial(text: string, tab: string): string {
  return text.replace(SPECIAL, (c) => (c === "\t" ? tab : escapeChar(c)));
}

/** `text` for a single row: like `sanitize`, with newlines shown as `\n` too. */
export function sanitizeLine(text: string, opts: Omit<SanitizeOptions, "newlines"> = {}): string {
  return sanitize(text, { ...opts, newlines: "escape" });
}

/** Whether `text` holds anything `sanitize` would change (tabs and newlines included). */
export function needsSanitizing(text: string): boolean {
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(text);
}
