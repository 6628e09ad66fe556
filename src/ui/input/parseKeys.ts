// Raw terminal input to key presses, in the order they were typed. One parser for the whole
// app: escape sequences (CSI and SS3 keys with modifiers), Esc, control keys, bracketed paste
// as one key, and SGR mouse reports. It is fed whatever each read of stdin brings; an escape
// sequence or a paste cut between two reads is kept until the rest arrives.
//
// Esc followed by a character in the same read is taken as the two keys, not as Alt+char: a
// fast "Esc q" must quit, and the explorer binds no Alt+character. Alt with a named key
// (ESC ESC [ D, or CSI 1;3 D) stays one key. A lone Esc at the end of a read is Esc at once:
// terminals write each sequence in one piece, so there is nothing to wait for.
import { charKey, makeKey, mouseKey, pasteKey, type Key, type Modifiers } from "./keys.js";

const ESC = "\u001b";
const PASTE_START = `${ESC}[200~`;
const PASTE_END = `${ESC}[201~`;
/**
 * Text this long in one read (characters, Enter and Tab), outside a bracketed paste, is a paste
 * from a terminal that does not mark them (nobody types 32 characters between two reads): it
 * becomes one paste key, so a large paste is one edit and one frame, not one per character.
 * A run of one character repeated is a held key the app read late, and stays keys.
 */
export const UNMARKED_PASTE_CHARS = 32;

// CSI finals and `~` codes to key names.
const CSI_FINAL: Record<string, string> = {
  A: "up",
  B: "down",
  C: "right",
  D: "left",
  H: "home",
  F: "end",
  P: "f1",
  Q: "f2",
  R: "f3",
  S: "f4",
};
const TILDE: Record<string, string> = {
  "1": "home",
  "2": "insert",
  "3": "delete",
  "4": "end",
  "5": "pgup",
  "6": "pgdn",
  "7": "home",
  "8": "end",
  "11": "f1",
  "12": "f2",
  "13": "f3",
  "14": "f4",
  "15": "f5",
  "17": "f6",
  "18": "f7",
  "19": "f8",
  "20": "f9",
  "21": "f10",
  "23": "f11",
  "24": "f12",
};

/** xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4). */
function modifiers(param: string | undefined): Modifiers {
  const m = Math.max(0, Number(param ?? "1") - 1);
  return { shift: (m & 1) !== 0, meta: (m & 2) !== 0, ctrl: (m & 4) !== 0 };
}

function controlKey(code: number): Key {
  if (code === 13 || code === 10) return makeKey("enter");
  if (code === 9) return makeKey("tab");
  if (code === 127 || code === 8) return makeKey("backspace");
  if (code === 0) return makeKey("space", { ctrl: true });
  if (code >= 1 && code <= 26) {
    const letter = String.fromCharCode(code + 96);
    return makeKey(letter, { ctrl: true }, letter);
  }
  // Ctrl+\ ] ^ _ (28-31): named by the character they are on.
  const ch = String.fromCharCode(code + 64);
  return makeKey(ch, { ctrl: true }, ch);
}

/** The end of the CSI sequence starting at `i` (index after its final byte), or -1 if cut. */
function csiEnd(s: string, i: number): number {
  for (let j = i + 2; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c >= 0x40 && c <= 0x7e) return j + 1;
    if (c < 0x20 || c > 0x3f) return j; // not a CSI byte: the sequence ends malformed here
  }
  return -1;
}

/** The key of a whole CSI sequence (`ESC [ params final`); null for one we do not know. */
function csiKey(seq: string, alt: boolean): Key | null {
  const body = seq.slice(2);
  const final = body[body.length - 1]!;
  const params = body.slice(0, -1);
  if (params.startsWith("<") && (final === "M" || final === "m")) return sgrMouse(params.slice(1), final);
  const parts = params.split(";");
  const mods = modifiers(parts[1]);
  if (alt) mods.meta = true;
  if (final === "~") {
    const name = TILDE[parts[0] ?? ""];
    return name ? makeKey(name, mods) : null;
  }
  if (final === "Z") return makeKey("tab", { ...mods, shift: true });
  const name = CSI_FINAL[final];
  return name ? makeKey(name, mods) : null;
}

function sgrMouse(params: string, final: string): Key | null {
  const [b, x, y] = params.split(";").map(Number);
  if (b === undefined || x === undefined || y === undefined || [b, x, y].some(Number.isNaN)) return null;
  const mods = { shift: (b & 4) !== 0, meta: (b & 8) !== 0, ctrl: (b & 16) !== 0 };
  const base = { x: x - 1, y: y - 1 };
  if (b & 64) return mouseKey({ ...base, action: b & 1 ? "wheelDown" : "wheelUp", button: -1 }, mods);
  if (b & 32) return mouseKey({ ...base, action: "move", button: -1 }, mods);
  return mouseKey({ ...base, action: final === "M" ? "down" : "up", button: b & 3 }, mods);
}

export interface KeyParser {
  /** The keys in this read, and in what an earlier read left cut off. */
  feed(chunk: string): Key[];
}

export function createKeyParser(): KeyParser {
  let pending = "";
  let paste: string | null = null;

  return {
    feed(chunk) {
      const s = pending + chunk;
      pending = "";
      const keys: Key[] = [];
      let text = "";
      let textStart = keys.length;
      const flushText = () => {
        const chars = [...text];
        // One character many times is a key held down (read late), not a paste.
        if (chars.length >= UNMARKED_PASTE_CHARS && chars.some((c) => c !== chars[0]))
          keys.splice(textStart, keys.length - textStart, pasteKey(text));
        text = "";
      };
      let i = 0;
      while (i < s.length) {
        if (paste !== null) {
          const end = s.indexOf(PASTE_END, i);
          if (end < 0) {
            // Keep what could be the start of the end marker for the next read.
            let keep = 0;
            for (let n = Math.min(PASTE_END.length - 1, s.length - i); n > 0; n--) {
              if (PASTE_END.startsWith(s.slice(s.length - n))) {
                keep = n;
                break;
              }
            }
            paste += s.slice(i, s.length - keep);
            pending = s.slice(s.length - keep);
            return keys;
          }
          keys.push(pasteKey(paste + s.slice(i, end)));
          paste = null;
          i = end + PASTE_END.length;
          continue;
        }
        const c = s[i]!;
        const code = s.charCodeAt(i);
        if (c === ESC) {
          flushText();
          const next = s[i + 1];
          if (next === undefined) {
            keys.push(makeKey("esc"));
            i++;
          } else if (next === "[" || (next === ESC && s[i + 2] === "[")) {
            const alt = next === ESC;
            const start = alt ? i + 1 : i;
            const end = csiEnd(s, start);
            if (end < 0) {
              pending = s.slice(i);
              return keys;
            }
            const seq = s.slice(start, end);
            if (seq === PASTE_START) {
              paste = "";
              i = end;
              continue;
            }
            const key = csiKey(seq, alt);
            if (key) keys.push(key);
            i = end;
          } else if (next === "O") {
            const final = s[i + 2];
            if (final === undefined) {
              pending = s.slice(i);
              return keys;
            }
            const name = CSI_FINAL[final];
            if (name) keys.push(makeKey(name));
            i += 3;
          } else {
            // Esc, then whatever follows as a key of its own (see the top of the file).
            keys.push(makeKey("esc"));
            i++;
          }
          textStart = keys.length;
          continue;
        }
        if (code === 13 || code === 10 || code === 9) {
          // Enter and Tab join a run of text: in a long run they are part of a paste.
          if (text === "") textStart = keys.length;
          const crlf = code === 13 && s[i + 1] === "\n";
          text += crlf ? "\r\n" : c;
          keys.push(controlKey(code));
          i += crlf ? 2 : 1;
          continue;
        }
        if (code < 0x20 || code === 0x7f) {
          flushText();
          keys.push(controlKey(code));
          i++;
          textStart = keys.length;
          continue;
        }
        const cp = s.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        if (text === "") textStart = keys.length;
        text += ch;
        keys.push(charKey(ch));
        i += ch.length;
      }
      flushText();
      return keys;
    },
  };
}
