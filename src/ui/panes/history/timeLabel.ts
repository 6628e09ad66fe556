// When an entry ran, as the history pane shows it.
const pad2 = (n: number) => String(n).padStart(2, "0");
/** Local time, with the date: a history spans days. */
export function timeLabel(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "?";
  return `${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}
