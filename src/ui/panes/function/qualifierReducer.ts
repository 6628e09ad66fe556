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
}

export type QualifierAction =
  | { type: "options"; versions: string[]; aliases: AliasSummary[] }
  | { type: "move"; delta: number }
  | { type: "choose" }
  | { type: "reset" };

const LATEST: QualifierOption = { qualifier: "$LATEST", label: "$LATEST" };

export function initialQualifierState(): QualifierState {
  return { options: [LATEST], cursor: 0, chosen: "$LATEST" };
}

export function qualifierReducer(s: QualifierState, a: QualifierAction): QualifierState {
  switch (a.type) {
    case "options": {
      const options = [
        LATEST,
        ...a.aliases.map((al) => ({ qualifier: al.name, label: `${al.name} → v${al.version}` })),
        ...a.versions.map((v) => ({ qualifier: v, label: `version ${v}` })),
      ];
      const keep = options.findIndex((o) => o.qualifier === s.chosen);
      return { options, cursor: Math.max(0, keep), chosen: keep >= 0 ? s.chosen : "$LATEST" };
    }
    case "move":
      return { ...s, cursor: Math.min(s.options.length - 1, Math.max(0, s.cursor + a.delta)) };
    case "choose":
      return { ...s, chosen: s.options[s.cursor]?.qualifier ?? "$LATEST" };
    case "reset":
      return initialQualifierState();
  }
}
