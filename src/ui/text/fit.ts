// Text fitted to a number of terminal columns (wide characters count two), as plain text or as
// runs with highlighted characters, cut with "…" and padded when asked.
import stringWidth from "string-width";
import { safeLine } from "./safeText.js";

/** A run of text, highlighted or not. */
export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * A name as safe segments, the characters at `indexes` (UTF-16 positions in `name`) marked as
 * hits. Escaping happens per character so the marks stay on the right characters.
 */
export function highlightSegments(name: string, indexes: readonly number[]): Segment[] {
  const hits = new Set(indexes);
  const out: Segment[] = [];
  let i = 0;
  for (const ch of name) {
    const hit = hits.has(i);
    const text = safeLine(ch);
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += text;
    else out.push({ text, hit });
    i += ch.length;
  }
  return out;
}

/**
 * Cuts segments to `width` terminal columns (wide characters count two), ending in "…" when
 * cut, and pads with spaces to exactly `width` when `pad` is set.
 */
export function fitSegments(segments: readonly Segment[], width: number, pad = false): Segment[] {
  if (width <= 0) return [];
  const total = segments.reduce((n, s) => n + stringWidth(s.text), 0);
  const out: Segment[] = [];
  if (total <= width) {
    out.push(...segments.filter((s) => s.text !== ""));
    if (pad && total < width) out.push({ text: " ".repeat(width - total), hit: false });
    return out;
  }
  let used = 0;
  outer: for (const s of segments) {
    let text = "";
    for (const ch of s.text) {
      const w = stringWidth(ch);
      if (used + w > width - 1) {
        if (text) out.push({ text, hit: s.hit });
        break outer;
      }
      text += ch;
      used += w;
    }
    if (text) out.push({ text, hit: s.hit });
  }
  out.push({ text: "…", hit: false });
  used += 1;
  if (pad && used < width) out.push({ text: " ".repeat(width - used), hit: false });
  return out;
}

/** Plain text cut to `width` columns with "…", padded to `width` when `pad` is set. */
export function fit(text: string, width: number, pad = false): string {
  return fitSegments([{ text, hit: false }], width, pad)
    .map((s) => s.text)
    .join("");
}
