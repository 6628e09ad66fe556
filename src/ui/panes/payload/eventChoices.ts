// What the payload chooser offers, in three sections: the function's saved (private) events,
// its shared events from the schema registry, which arrive later (or fail) and say so in
// their section, and the bundled templates.
import { TEMPLATES, templateText } from "./templates.js";

export type ChoiceKind = "template" | "saved" | "shared";

export interface Choice {
  kind: ChoiceKind;
  title: string;
  description: string;
  text: string;
}

/** Where the shared events are: asked for, here, or not to be had (and why). */
export type SharedState =
  | { phase: "loading" }
  | { phase: "ready"; events: Array<{ name: string; payload: string }> }
  | { phase: "failed"; message: string };

export interface Section {
  title: string;
  /** Shown instead of entries: loading, none, or why not. */
  note: string | null;
  choices: Choice[];
}

export function chooserSections(
  saved: Array<{ name: string; payload: string }>,
  shared: SharedState,
): Section[] {
  const templates = TEMPLATES.map((t) => ({
    kind: "template" as const,
    title: t.title,
    description: t.description,
    text: templateText(t),
  }));
  const savedChoices = saved.map((e) => ({
    kind: "saved" as const,
    title: e.name,
    description: "saved on this machine",
    text: e.payload,
  }));
  const sharedChoices =
    shared.phase === "ready"
      ? shared.events.map((e) => ({
          kind: "shared" as const,
          title: e.name,
          description: "shared (console · SAM CLI)",
          text: e.payload,
        }))
      : [];
  // The function's own events first: they are what a user comes back for.
  return [
    {
      title: "Saved events",
      note: savedChoices.length ? null : "none yet: Ctrl+B saves the payload under a name",
      choices: savedChoices,
    },
    {
      title: "Shared events",
      note:
        shared.phase === "loading"
          ? "loading from the schema registry…"
          : shared.phase === "failed"
            ? shared.message
            : sharedChoices.length
              ? null
              : "none for this function",
      choices: sharedChoices,
    },
    { title: "Templates", note: null, choices: templates },
  ];
}

/** The choices in cursor order (the sections' entries one after another). */
export function flatChoices(sections: Section[]): Choice[] {
  return sections.flatMap((s) => s.choices);
}

/** Display rows: a heading per section, then its entries or its note; `index` for entries. */
export type ChooserRow =
  | { type: "heading"; text: string }
  | { type: "note"; text: string }
  | { type: "choice"; choice: Choice; index: number };

export function chooserRows(sections: Section[]): ChooserRow[] {
  const rows: ChooserRow[] = [];
  let index = 0;
  for (const s of sections) {
    rows.push({ type: "heading", text: s.title });
    if (s.note) rows.push({ type: "note", text: s.note });
    for (const choice of s.choices) rows.push({ type: "choice", choice, index: index++ });
  }
  return rows;
}
