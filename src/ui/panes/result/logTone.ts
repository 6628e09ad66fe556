// How a log line stands out: errors, warnings, and the platform's own START / END / REPORT
// lines, read from the line as the view shows it (Text-format app lines read "LEVEL message",
// JSON ones too unless shown as they came; Python's logger writes "[LEVEL]"). Lines an event
// continues onto take its first line's tone, so a stack stays red to its last frame.
import type { TextLines } from "../../../core/log-display.js";

export type Tone = "error" | "warn" | "meta";

const ERROR =
  /^(?:(?:ERROR|FATAL|CRITICAL)\b|\[(?:ERROR|FATAL|CRITICAL)\]|Task timed out|REPORT .*\sStatus: (?!success))/i;
const WARN = /^(?:(?:WARN|WARNING)\b|\[(?:WARN|WARNING)\]|LAMBDA_WARNING\b)/i;
const META = /^(?:START|END|REPORT|INIT_START|INIT_REPORT|EXTENSION|TELEMETRY) |^platform\./;
/** A JSON record shown as it came (not made readable). */
const JSON_LEVEL = /^\{.*"level"\s*:\s*"([A-Za-z]+)"/;

/** The tone of a line that starts a log event; null for an ordinary one. */
export function lineTone(text: string): Tone | null {
  const json = JSON_LEVEL.exec(text)?.[1];
  const t = json ? `${json} ` : text;
  if (ERROR.test(t)) return "error";
  if (WARN.test(t)) return "warn";
  return META.test(text) ? "meta" : null;
}

/** How far back a continuation line looks for its event's first line. */
const LOOK_BACK = 500;

/**
 * The tones of lines `from`..`to` (inclusive) of a log; all null for text that is no log (a
 * response body). Costs the lines asked for, and at most LOOK_BACK more for the first one.
 */
export function tonesOf(lines: TextLines, from: number, to: number): (Tone | null)[] {
  const out: (Tone | null)[] = [];
  let event = -2;
  let tone: Tone | null = null;
  for (let i = from; i <= to && i < lines.count; i++) {
    const e = lines.eventOf(i);
    if (e < 0) {
      out.push(null);
      continue;
    }
    if (e !== event) {
      let first = i;
      while (first > 0 && i - first < LOOK_BACK && lines.eventOf(first - 1) === e) first--;
      tone = lineTone(lines.line(first));
      event = e;
    }
    out.push(tone);
  }
  return out;
}
