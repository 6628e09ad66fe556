// Text fitted to a number of terminal columns (wide characters count two), as plain text or as
// runs with highlighted characters, cut with "…" and padded when asked. Widths are measured and
// text is cut per grapheme cluster, so an emoji sequence (👩‍💻) or a letter with its accents is
// never cut apart, and rows measured here line up with rows wrapped by viewRows.
import { textWidth, walkGraphemes } from "./graphemes.js";
import { safeLine } from "./safeText.js";

/** A run of text, highlighted or not. */
export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * A name as safe segments, the characters at `indexes` (UTF-16 positions in `name`) marked as
 * hits. Escaping happens per grapheme so the marks stay on the right characters; a grapheme is
 * a hit when any of its characters is.
 */
export function highlightSegments(name: string, indexes: readonly number[]): Segment[] {
  const hits = new Set(indexes);
  const out: Segment[] = [];
  const add = (text: string, hit: boolean) => {
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += text;
    else out.push({ text, hit });
  };
  walkGraphemes(name, 0, (start, end, _width, plain) => {
    if (plain) {
      for (let i = start; i < end; i++) add(name[i]!, hits.has(i));
      return;
    }
    let hit = false;
    for (let i = start; i < end && !hit; i++) hit = hits.has(i);
    add(safeLine(name.slice(start, end)), hit);
  });
  return out;
}

/**
 * Cuts segments to `width` terminal columns (wide characters count two), ending in "…" when
 * cut, and pads with spaces to exactly `width` when `pad` is set.
 */
export function fitSegments(segments: readonly Segment[], width: number, pad = false): Segment[] {
  if (width <= 0) return [];
  const total = segments.reduce((n, s) => n + textWidth(s.text), 0);
  const out: Segment[] = [];
  if (total <= width) {
    out.push(...segments.filter((s) => s.text !== ""));
    if (pad && total < width) out.push({ text: " ".repeat(width - total), hit: false });
    return out;
  }
  const room = width - 1;
  let used = 0;
  for (const s of segments) {
    let end = 0;
    let full = false;
    walkGraphemes(s.text, 0, (start, to, w, plain) => {
      if (plain) {
        const take = Math.max(0, Math.min(to - start, room - used));
        end = start + take;
        used += take;
        full = take < to - start;
        return !full;
      }
      if (used + w > room) {
        full = true;
        return false;
      }
      end = to;
      used += w;
    });
    if (end > 0) out.push({ text: s.text.slice(0, end), hit: s.hit });
    if (full) break;
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
