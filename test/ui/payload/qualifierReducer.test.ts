import { describe, expect, it } from "vitest";
import { initialQualifierState, qualifierReducer } from "../../../src/ui/panes/payload/qualifierReducer.js";

const aliases = [
  { name: "live", version: "1", description: "", arn: "" },
  { name: "canary", version: "2", description: "", arn: "" },
];

describe("qualifierReducer", () => {
  it("offers $LATEST, the aliases with their versions, then the versions", () => {
    const s = qualifierReducer(initialQualifierState(), { type: "options", versions: ["1", "2"], aliases });
    expect(s.options.map((o) => o.label)).toEqual([
      "$LATEST",
      "live → v1",
      "canary → v2",
      "version 1",
      "version 2",
    ]);
    expect(s.chosen).toBe("$LATEST");
  });

  it("moves within bounds and chooses the one under the cursor", () => {
    let s = qualifierReducer(initialQualifierState(), { type: "options", versions: ["1"], aliases });
    s = qualifierReducer(s, { type: "move", delta: -5 });
    expect(s.cursor).toBe(0);
    s = qualifierReducer(s, { type: "move", delta: 1 });
    s = qualifierReducer(s, { type: "choose" });
    expect(s.chosen).toBe("live");
    s = qualifierReducer(s, { type: "move", delta: 99 });
    expect(s.cursor).toBe(s.options.length - 1);
  });

  it("keeps the choice when options reload, and falls back to $LATEST when it is gone", () => {
    let s = qualifierReducer(initialQualifierState(), { type: "options", versions: [], aliases });
    s = qualifierReducer(qualifierReducer(s, { type: "move", delta: 2 }), { type: "choose" });
    expect(s.chosen).toBe("canary");
    s = qualifierReducer(s, { type: "options", versions: [], aliases });
    expect(s.chosen).toBe("canary");
    expect(s.options[s.cursor]!.qualifier).toBe("canary");
    s = qualifierReducer(s, { type: "options", versions: [], aliases: [] });
    expect(s.chosen).toBe("$LATEST");
    expect(qualifierReducer(s, { type: "reset" })).toEqual(initialQualifierState());
  });

  it("chooses a wanted qualifier now when listed, else once the options list it", () => {
    let s = qualifierReducer(initialQualifierState(), { type: "want", qualifier: "canary" });
    expect(s.chosen).toBe("$LATEST");
    s = qualifierReducer(s, { type: "options", versions: [], aliases: [] });
    expect(s.chosen).toBe("$LATEST");
    s = qualifierReducer(s, { type: "options", versions: ["1", "2"], aliases });
    expect(s.chosen).toBe("canary");
    expect(s.options[s.cursor]!.qualifier).toBe("canary");
    expect(s.wanted).toBeNull();
    s = qualifierReducer(s, { type: "want", qualifier: "1" });
    expect(s.chosen).toBe("1");
  });

  it("forgets a wanted qualifier once the user chooses", () => {
    let s = qualifierReducer(initialQualifierState(), { type: "want", qualifier: "live" });
    s = qualifierReducer(s, { type: "choose" });
    s = qualifierReducer(s, { type: "options", versions: [], aliases });
    expect(s.chosen).toBe("$LATEST");
  });
});
