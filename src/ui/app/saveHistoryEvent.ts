// Saving a history entry's payload as a named (private) event of its function. Payloads in a
// history often carry tokens and passwords, and an event is meant to be reused and shared, so
// the values export would redact are redacted unless the user asks to keep them.
import { REDACTED, redactText } from "../../core/history-redact.js";
import type { HistoryRecord } from "../../core/history-record.js";
import type { UsageScope } from "../../state/usage.js";
import type { PromptPurpose } from "../panes/payload/usePathPrompt.js";
import { deferred } from "./deferred.js";

/** A trailing "!" on the name keeps the payload as recorded. */
const KEEP = "!";

const count = (text: string, what: string) => text.split(what).length - 1;

/** What the prompt asks, and what Enter does with the name typed. */
export function saveHistoryEventPrompt(
  record: HistoryRecord,
  scope: UsageScope,
  done: (message: string) => void,
): PromptPurpose {
  const fn = record.function.name;
  const redacted = redactText(record.payload);
  // Counted bare: a secret found in free text is replaced without quotes.
  const hidden = count(redacted, REDACTED) - count(record.payload, REDACTED);
  const label =
    hidden > 0
      ? `Save as ${fn}'s event (${hidden} secret value${hidden === 1 ? "" : "s"} redacted; end the name with ! to keep them): `
      : `Save as ${fn}'s event: `;
  return {
    label,
    submit: async (typed) => {
      const keep = typed.trim().endsWith(KEEP);
      const name = keep ? typed.trim().slice(0, -1) : typed.trim();
      const { eventNameProblem } = await deferred("eventNames");
      const problem = eventNameProblem(name);
      if (problem) return problem;
      const { putPrivateEvent } = await deferred("savedEvents");
      try {
        const text = keep ? record.payload : redacted;
        const { replaced } = await putPrivateEvent(scope, fn, name, text);
        const how =
          hidden > 0
            ? keep
              ? ", secrets kept"
              : `, ${hidden} value${hidden === 1 ? "" : "s"} redacted`
            : "";
        done(`${replaced ? "Replaced" : "Saved"} ${fn}'s event "${name}" from history${how}.`);
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    },
  };
}
