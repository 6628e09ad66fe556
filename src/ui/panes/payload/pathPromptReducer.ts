// The one-line "Load file:" prompt as data: the typed path, a cursor, and Tab completion. The
// directory listing Tab needs is asynchronous, so it is done outside: `completionRequest` says
// what to list, and the listing comes back as a `completions` action, which is dropped if the
// text changed meanwhile. Everything here is pure.
import { nextBoundary, prevBoundary, snapBack } from "../../text/graphemes.js";
import type { DirEntry } from "./payloadFile.js";

export type { DirEntry };

export interface PathPromptState {
  text: string;
  /** UTF-16 offset in `text`, on a grapheme boundary. */
  cursor: number;
  /** Names offered by the last Tab that matched several (directories end in "/"), sorted. */
  candidates: readonly string[];
  /** How many more matched than `candidates` holds. */
  moreCandidates: number;
  /** Shown under the prompt: why loading failed, or that Tab found nothing. */
  message: string | null;
}

/** What Tab completes: the path before the cursor, split into its directory and the name begun. */
export interface CompletionRequest {
  /** The state's text and cursor when asked, to drop an answer that comes too late. */
  text: string;
  cursor: number;
  /** The directory as typed, up to and including the last "/" ("" for the current one). */
  dir: string;
  /** The start of the name to complete. */
  prefix: string;
}

export type PathPromptAction =
  /** A new prompt holding `text` (a purpose's suggestion), the cursor at its end. */
  | { type: "reset"; text: string }
  /** Typed or pasted text; line breaks and other control characters are dropped. */
  | { type: "type"; text: string }
  | { type: "backspace" }
  | { type: "delete" }
  | { type: "left" }
  | { type: "right" }
  | { type: "home" }
  | { type: "end" }
  /** The listing of `request.dir`, answering a Tab. */
  | { type: "completions"; request: CompletionRequest; entries: readonly DirEntry[] }
  /** A message under the prompt (null clears it), e.g. why the file could not be loaded. */
  | { type: "message"; message: string | null };

/** Candidates shown under the prompt at most; the rest are counted. */
export const MAX_CANDIDATES = 8;

export function initialPathPrompt(text = ""): PathPromptState {
  return { text, cursor: text.length, candidates: [], moreCandidates: 0, message: null };
}

export function completionRequest(s: PathPromptState): CompletionRequest {
  const before = s.text.slice(0, s.cursor);
  const slash = before.lastIndexOf("/");
  return { text: s.text, cursor: s.cursor, dir: before.slice(0, slash + 1), prefix: before.slice(slash + 1) };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function pathPromptReducer(s: PathPromptState, a: PathPromptAction): PathPromptState {
  switch (a.type) {
    case "reset":
      return pathPromptReducer(initialPathPrompt(), { type: "type", text: a.text });
    case "type": {
      const text = a.text.replace(CONTROL, "");
      if (text === "") return s;
      return edited(s.text.slice(0, s.cursor) + text + s.text.slice(s.cursor), s.cursor + text.length);
    }
    case "backspace": {
      if (s.cursor === 0) return s;
      const from = prevBoundary(s.text, s.cursor);
      return edited(s.text.slice(0, from) + s.text.slice(s.cursor), from);
    }
    case "delete": {
      if (s.cursor === s.text.length) return s;
      return edited(s.text.slice(0, s.cursor) + s.text.slice(nextBoundary(s.text, s.cursor)), s.cursor);
    }
    case "left":
      return moved(s, prevBoundary(s.text, s.cursor));
    case "right":
      return moved(s, nextBoundary(s.text, s.cursor));
    case "home":
      return moved(s, 0);
    case "end":
      return moved(s, s.text.length);
    case "completions":
      if (a.request.text !== s.text || a.request.cursor !== s.cursor) return s;
      return complete(s, a.request, a.entries);
    case "message":
      return s.message === a.message ? s : { ...s, message: a.message };
  }
}

/** Any edit clears the last completion's candidates and the message: they were about the old text. */
function edited(text: string, cursor: number): PathPromptState {
  return { text, cursor, candidates: [], moreCandidates: 0, message: null };
}

function moved(s: PathPromptState, cursor: number): PathPromptState {
  if (cursor === s.cursor) return s;
  return { ...s, cursor, candidates: [], moreCandidates: 0 };
}

function complete(s: PathPromptState, r: CompletionRequest, entries: readonly DirEntry[]): PathPromptState {
  // Hidden entries only when the name typed so far asks for them, as shells do.
  const matches = entries
    .filter((e) => e.name.startsWith(r.prefix) && (r.prefix.startsWith(".") || !e.name.startsWith(".")))
    .map((e) => (e.directory ? `${e.name}/` : e.name))
    .sort();
  if (matches.length === 0) {
    const where = r.dir === "" ? "here" : `in ${r.dir}`;
    const message = r.prefix === "" ? `Nothing ${where}` : `Nothing ${where} starts with "${r.prefix}"`;
    return { ...s, candidates: [], moreCandidates: 0, message };
  }
  // One match is taken whole ("events/"); several are extended to what they all start with.
  const fill = matches.length === 1 ? (matches[0] ?? "") : commonPrefix(matches);
  const start = r.cursor - r.prefix.length;
  const text = s.text.slice(0, start) + fill + s.text.slice(r.cursor);
  const shown = matches.length === 1 ? [] : matches.slice(0, MAX_CANDIDATES);
  return {
    text,
    cursor: start + fill.length,
    candidates: shown,
    moreCandidates: matches.length === 1 ? 0 : matches.length - shown.length,
    message: null,
  };
}

function commonPrefix(names: readonly string[]): string {
  const first = names[0] ?? "";
  let end = first.length;
  for (const n of names) {
    let i = 0;
    while (i < end && i < n.length && first.charCodeAt(i) === n.charCodeAt(i)) i++;
    end = i;
  }
  // Never end inside a character ("e" of "é" typed as e + accent) or a surrogate pair.
  return first.slice(0, snapBack(first, end));
}
