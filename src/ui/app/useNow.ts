// The current time, ticking while `active` (for a spinner and an elapsed-time counter).
import { useEffect, useState } from "react";

export function useNow(active: boolean, everyMs = 80): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
