// CloudFormation's short-form YAML tags (`!Ref X`, `!Sub [...]`, `!GetAtt A.B`) turned into
// the long form (`{Ref: X}`, `{"Fn::Sub": [...]}`, `{"Fn::GetAtt": ["A", "B"]}`) as the YAML
// is parsed, so the rest of the loader sees one shape whatever the template was written in.
import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from "yaml";

/** Short tag name -> the intrinsic function's key in the long form. */
const FUNCTIONS: Record<string, string> = {
  Ref: "Ref",
  Condition: "Condition",
  Sub: "Fn::Sub",
  GetAtt: "Fn::GetAtt",
  Join: "Fn::Join",
  Select: "Fn::Select",
  Split: "Fn::Split",
  If: "Fn::If",
  Equals: "Fn::Equals",
  And: "Fn::And",
  Or: "Fn::Or",
  Not: "Fn::Not",
  FindInMap: "Fn::FindInMap",
  ImportValue: "Fn::ImportValue",
  GetAZs: "Fn::GetAZs",
  Base64: "Fn::Base64",
  Cidr: "Fn::Cidr",
  Transform: "Fn::Transform",
  Length: "Fn::Length",
  ToJsonString: "Fn::ToJsonString",
};

function longForm(key: string, value: unknown): Record<string, unknown> {
  // `!GetAtt Resource.Attribute` is the one short form whose scalar differs from the long form.
  if (key === "Fn::GetAtt" && typeof value === "string") {
    const dot = value.indexOf(".");
    return { [key]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [key]: value };
}

/** The `customTags` for yaml's parser: each short tag, on a scalar, a sequence or a mapping. */
export const cloudFormationTags: Array<ScalarTag | CollectionTag> = Object.entries(FUNCTIONS).flatMap(
  ([short, key]) => [
    { tag: `!${short}`, resolve: (s: string) => longForm(key, s) } as ScalarTag,
    {
      tag: `!${short}`,
      collection: "seq",
      resolve: (seq: YAMLSeq) => longForm(key, seq.toJSON()),
    } as unknown as CollectionTag,
    {
      tag: `!${short}`,
      collection: "map",
      resolve: (map: YAMLMap) => longForm(key, map.toJSON()),
    } as unknown as CollectionTag,
  ],
);
