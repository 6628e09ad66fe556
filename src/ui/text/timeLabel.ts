// When an entry ran, as the history pane shows it.
const pad2 = (n: number) => String(n).padStart(2, "0");
/** Local time, with the date: a history spans days. */
export function timeLabel(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "?";
  return `${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/**
 * How long before `now` an entry ran ("3 min ago"), or null when that is unknown or in the
 * future (another machine's clock): the absolute time beside it is then all there is to go by.
 */
export function agoLabel(iso: string, now: number): string | null {
  const ms = now - Date.parse(iso);
  if (!Number.isFinite(ms) || ms < 0) return null;
  const min = Math.floor(ms / 60_000);
  if (min < 1) return "just now";
  if (min < 60) return `${min} min ago`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
