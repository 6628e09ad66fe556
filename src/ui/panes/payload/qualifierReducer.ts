// Choosing what to invoke: $LATEST, a published version, or an alias.
import type { AliasSummary } from "../../../aws/functions.js";

export interface QualifierOption {
  qualifier: string;
  label: string;
}

export interface QualifierState {
  options: QualifierOption[];
  cursor: number;
  chosen: string;
  /** Asked for before the function's versions and aliases arrived: chosen once they list it. */
  wanted: string | null;
}

export type QualifierAction =
  | { type: "options"; versions: string[]; aliases: AliasSummary[] }
  | { type: "move"; delta: number }
  | { type: "choose" }
  /** Choose `qualifier` now if it is listed, else as soon as it is (from history: where it ran). */
  | { type: "want"; qualifier: string }
  | { type: "reset" };

const LATEST: QualifierOption = { qualifier: "$LATEST", label: "$LATEST" };

export function initialQualifierState(): QualifierState {
  return { options: [LATEST], cursor: 0, chosen: "$LATEST", wanted: null };
}

export function qualifierReducer(s: QualifierState, a: QualifierAction): QualifierState {
  switch (a.type) {
    case "options": {
      const options = [
        LATEST,
        ...a.aliases.map((al) => ({ qualifier: al.name, label: `${al.name} → v${al.version}` })),
        ...a.versions.map((v) => ({ qualifier: v, label: `version ${v}` })),
      ];
      const wanted = s.wanted === null ? -1 : options.findIndex((o) => o.qualifier === s.wanted);
      if (wanted >= 0) return { options, cursor: wanted, chosen: s.wanted!, wanted: null };
      const keep = options.findIndex((o) => o.qualifier === s.chosen);
      return {
        options,
        cursor: Math.max(0, keep),
        chosen: keep >= 0 ? s.chosen : "$LATEST",
        wanted: s.wanted,
      };
    }
    case "want": {
      const at = s.options.findIndex((o) => o.qualifier === a.qualifier);
      if (at >= 0) return { ...s, cursor: at, chosen: a.qualifier, wanted: null };
      return { ...s, wanted: a.qualifier };
    }
    case "move":
      return { ...s, cursor: Math.min(s.options.length - 1, Math.max(0, s.cursor + a.delta)) };
    case "choose":
      return { ...s, chosen: s.options[s.cursor]?.qualifier ?? "$LATEST", wanted: null };
    case "reset":
      return initialQualifierState();
  }
}
