// The latest retry in words ("Lambda throttled ListFunctions …; retrying in 1.0 s …"), shown
// while its wait lasts and a moment after, then gone.
import { useEffect, useState } from "react";
import { retryMessage } from "../../aws/errors.js";
import { onRetryNotice } from "../../aws/retry-notices.js";

const LINGER_MS = 1500;

export function useRetryNotice(): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let timer: NodeJS.Timeout | undefined;
    const off = onRetryNotice((n, ageMs) => {
      setText(retryMessage(n));
      clearTimeout(timer);
      timer = setTimeout(() => setText(null), n.delayMs + LINGER_MS - ageMs);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, []);
  return text;
}
