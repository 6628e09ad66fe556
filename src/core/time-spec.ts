// `--since` values: a duration ago (90s, 15m, 2h, 3d, 1h30m), an ISO date or time, or epoch
// milliseconds / seconds. Returns epoch ms.

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const FORMS =
  "a duration like 15m, 2h, 3d or 1h30m; a date or time like 2026-11-25 or 2026-11-25T10:00:00Z; or epoch milliseconds";

export function parseTimeSpec(spec: string, now: number): number {
  const s = spec.trim();
  if (s === "") throw new Error(`empty time: use ${FORMS}`);
  if (/^(\d+[smhdw])+$/.test(s)) {
    let ms = 0;
    for (const [, n, unit] of s.matchAll(/(\d+)([smhdw])/g)) ms += Number(n) * UNIT_MS[unit!]!;
    return now - ms;
  }
  if (/^\d{13}$/.test(s)) return Number(s);
  if (/^\d{10}$/.test(s)) return Number(s) * 1000;
  if (/^\d{4}-\d\d-\d\d([T ][\d:.]+(Z|[+-]\d\d:?\d\d)?)?$/.test(s)) {
    const t = Date.parse(s.replace(" ", "T"));
    if (!Number.isNaN(t)) {
      if (t > now) throw new Error(`"${spec}" is in the future`);
      return t;
    }
  }
  throw new Error(`cannot read "${spec}" as a time: use ${FORMS}`);
}
