// `--since` values: a duration ago (90s, 15m, 2h, 3d, 1w, 1h30m), an ISO date or date-time,
// or epoch milliseconds (13 digits) / seconds (10 digits). Returns epoch ms.

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export const TIME_SPEC_FORMS =
  "a duration ago like 90s, 15m, 2h, 3d or 1h30m; a date or time like 2026-11-25 or " +
  "2026-11-25T10:00:00Z; or epoch milliseconds (13 digits) or seconds (10 digits)";

const DURATION = /^(?:\d+[smhdw])+$/;
// Date-only is UTC; a date-time without a zone is local time (as in JavaScript's Date).
const ISO = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,9})?)?(Z|[+-]\d\d:?\d\d)?)?$/i;

function invalid(spec: string): Error {
  return new Error(`cannot read "${spec}" as a time: use ${TIME_SPEC_FORMS}`);
}

function parseIso(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  // Date.parse rolls 2026-02-30 over to March 2; refuse days the month does not have.
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59)) return null;
  let iso = s.toUpperCase().replace(" ", "T");
  // Date.parse wants +05:30, not +0530.
  if (zone && /^[+-]\d{4}$/.test(zone)) iso = iso.slice(0, -2) + ":" + iso.slice(-2);
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * The epoch ms a `--since` value means at `now`. Throws an Error naming the accepted forms for
 * anything else, and for a time after `now`.
 */
export function parseTimeSpec(spec: string, now: number): number {
  const s = spec.trim();
  if (s === "") throw new Error(`empty time: use ${TIME_SPEC_FORMS}`);
  if (DURATION.test(s)) {
    let ms = 0;
    for (const [, n, unit] of s.matchAll(/(\d+)([smhdw])/g)) ms += Number(n) * UNIT_MS[unit!]!;
    return now - ms;
  }
  const t = /^\d{13}$/.test(s) ? Number(s) : /^\d{10}$/.test(s) ? Number(s) * 1000 : parseIso(s);
  if (t === null) throw invalid(spec);
  if (t > now)
    throw new Error(`"${spec}" (${new Date(t).toISOString()}) is in the future: give a time in the past`);
  return t;
}
