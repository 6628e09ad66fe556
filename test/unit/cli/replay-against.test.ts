import { describe, expect, it } from "vitest";
import { againstConnection, againstLabel } from "../../../src/cli/replay-one.js";

describe("--against's other side", () => {
  it("is named by its qualifier and where it runs", () => {
    expect(againstLabel({})).toBeUndefined();
    expect(againstLabel({ against: "canary" })).toBe("canary");
    expect(againstLabel({ againstEndpointUrl: "http://127.0.0.1:9001" })).toBe("@ http://127.0.0.1:9001");
    expect(againstLabel({ against: "canary", againstRegion: "us-west-2", againstProfile: "prod" })).toBe(
      "canary @ us-west-2 profile prod",
    );
  });

  it("runs elsewhere only when told, taking the first side's options for the rest", () => {
    expect(againstConnection({ against: "canary", region: "eu-west-1" })).toBeNull();
    expect(againstConnection({ profile: "dev", region: "eu-west-1", againstRegion: "us-west-2" })).toEqual({
      profile: "dev",
      region: "us-west-2",
      endpointUrl: undefined,
      debug: undefined,
    });
    // --debug is for both sides: the other side's requests are logged too.
    expect(againstConnection({ debug: true, againstEndpointUrl: "http://127.0.0.1:9001" })).toMatchObject({
      endpointUrl: "http://127.0.0.1:9001",
      debug: true,
    });
  });
});
