import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClients, isLocalEndpoint, resolveEndpoints, type Clients } from "../../../src/aws/clients.js";
import { AwsFailure } from "../../../src/aws/errors.js";

describe("resolveEndpoints", () => {
  const env = {
    AWS_ENDPOINT_URL: "http://common:1",
    AWS_ENDPOINT_URL_LAMBDA: "http://lambda:2",
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: "http://logs:3",
  };

  it("puts the flag before every variable", () => {
    expect(resolveEndpoints("http://flag:9", env)).toEqual({
      lambda: "http://flag:9",
      logs: "http://flag:9",
    });
  });

  it("puts the service-specific variables before AWS_ENDPOINT_URL", () => {
    expect(resolveEndpoints(undefined, env)).toEqual({ lambda: "http://lambda:2", logs: "http://logs:3" });
  });

  it("uses AWS_ENDPOINT_URL for a service without its own variable", () => {
    expect(resolveEndpoints(undefined, { AWS_ENDPOINT_URL: "http://common:1" })).toEqual({
      lambda: "http://common:1",
      logs: "http://common:1",
    });
    expect(
      resolveEndpoints(undefined, {
        AWS_ENDPOINT_URL: "http://common:1",
        AWS_ENDPOINT_URL_LAMBDA: "http://lambda:2",
      }),
    ).toEqual({ lambda: "http://lambda:2", logs: "http://common:1" });
    expect(
      resolveEndpoints(undefined, {
        AWS_ENDPOINT_URL: "http://common:1",
        AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: "http://logs:3",
      }),
    ).toEqual({ lambda: "http://common:1", logs: "http://logs:3" });
  });

  it("is undefined for both without flag or variables", () => {
    expect(resolveEndpoints(undefined, {})).toEqual({ lambda: undefined, logs: undefined });
  });

  it("ignores unrelated variables", () => {
    expect(
      resolveEndpoints(undefined, { AWS_ENDPOINT_URL_S3: "http://s3:4", AWS_REGION: "eu-west-1" }),
    ).toEqual({
      lambda: undefined,
      logs: undefined,
    });
  });
});

describe("isLocalEndpoint", () => {
  it.each([
    "http://localhost:9001",
    "http://LOCALHOST:9001",
    "http://127.0.0.1:9001",
    "http://127.5.5.5",
    "https://127.0.0.1",
    "http://[::1]:4566",
    "http://127.1:9001", // the URL parser normalises this to 127.0.0.1
  ])("is true for %s", (url) => {
    expect(isLocalEndpoint(url)).toBe(true);
  });

  it.each([
    "http://192.168.1.10:9001",
    "http://10.0.0.1",
    "http://0.0.0.0:9001",
    "https://lambda.us-east-1.amazonaws.com",
    "http://localhost.example.com",
    "http://128.0.0.1",
    "not a url",
    "localhost:9001",
    "",
  ])("is false for %s", (url) => {
    expect(isLocalEndpoint(url)).toBe(false);
  });

  it("is false for undefined", () => {
    expect(isLocalEndpoint(undefined)).toBe(false);
  });

  // A DNS name whose first label is "127" (127.example.com) is remote, not loopback: it once
  // got us-east-1 and placeholder credentials.
  it("is false for a hostname that merely starts with 127.", () => {
    expect(isLocalEndpoint("http://127.example.com:9001")).toBe(false);
  });
});

/** Variables the SDK reads for region and credentials; all cleared for each test. */
const AWS_VARIABLES = [
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_PROFILE",
  "AWS_DEFAULT_PROFILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_CREDENTIAL_EXPIRATION",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_ROLE_ARN",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_AUTHORIZATION_TOKEN",
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_LAMBDA",
  "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS",
];
const FILE_VARIABLES = ["HOME", "USERPROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"];
const ALL_VARIABLES = [...AWS_VARIABLES, ...FILE_VARIABLES, "AWS_EC2_METADATA_DISABLED"];

describe("createClients", () => {
  let home: string;
  let saved: Record<string, string | undefined>;
  const opened: Clients[] = [];

  beforeEach(async () => {
    saved = Object.fromEntries(ALL_VARIABLES.map((k) => [k, process.env[k]]));
    // Deleted, not set to undefined: assigning undefined to process.env stores "undefined".
    for (const k of AWS_VARIABLES) delete process.env[k];
    // An empty home: no ~/.aws/config or ~/.aws/credentials, whatever this machine has.
    home = await mkdtemp(path.join(tmpdir(), "lambda-explorer-clients-"));
    process.env.HOME = home;
    process.env.USERPROFILE = home;
    process.env.AWS_CONFIG_FILE = path.join(home, "config");
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, "credentials");
    // Keep the credential chain off the network (no instance metadata service).
    process.env.AWS_EC2_METADATA_DISABLED = "true";
  });

  afterEach(async () => {
    for (const c of opened.splice(0)) c.destroy();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await rm(home, { recursive: true, force: true });
  });

  async function open(...args: Parameters<typeof createClients>): Promise<Clients> {
    const clients = await createClients(...args);
    opened.push(clients);
    return clients;
  }

  /** The AwsFailure `p` rejects with. */
  async function failureOf(p: Promise<unknown>): Promise<AwsFailure> {
    let caught: unknown;
    try {
      const value = await p;
      if (value && typeof value === "object" && "destroy" in value) opened.push(value as Clients);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AwsFailure);
    return caught as AwsFailure;
  }

  it("gives a local endpoint us-east-1 and placeholder credentials when nothing is configured", async () => {
    const clients = await open({ endpointUrl: "http://127.0.0.1:1", region: undefined }, {});
    expect(clients.region).toBe("us-east-1");
    expect(clients.endpoint).toBe("http://127.0.0.1:1");
    expect(clients.profile).toBeUndefined();
    expect(await clients.lambda.config.region()).toBe("us-east-1");
    expect(await clients.logs.config.region()).toBe("us-east-1");
    expect(await clients.lambda.config.credentials()).toMatchObject({ accessKeyId: "sandbox" });
    expect(await clients.logs.config.credentials()).toMatchObject({ accessKeyId: "sandbox" });
  });

  it("points both clients at the local endpoint", async () => {
    const clients = await open({ endpointUrl: "http://127.0.0.1:1" }, {});
    for (const client of [clients.lambda, clients.logs]) {
      const endpoint = await client.config.endpoint?.();
      expect(endpoint).toMatchObject({ protocol: "http:", hostname: "127.0.0.1", port: 1 });
    }
  });

  it("takes the local endpoint from the environment object", async () => {
    const clients = await open({}, { AWS_ENDPOINT_URL: "http://localhost:4566" });
    expect(clients.region).toBe("us-east-1");
    expect(clients.endpoint).toBe("http://localhost:4566");
  });

  it("keeps the region given for a local endpoint", async () => {
    const clients = await open({ endpointUrl: "http://127.0.0.1:1", region: "eu-west-1" }, {});
    expect(clients.region).toBe("eu-west-1");
    expect(await clients.logs.config.region()).toBe("eu-west-1");
  });

  it("keeps a region configured in AWS_REGION for a local endpoint", async () => {
    process.env.AWS_REGION = "ap-south-1";
    const clients = await open({ endpointUrl: "http://127.0.0.1:1" }, {});
    expect(clients.region).toBe("ap-south-1");
  });

  it("keeps a region from the AWS config file for a local endpoint", async () => {
    await writeFile(path.join(home, "config"), "[default]\nregion = eu-central-1\n");
    const clients = await open({ endpointUrl: "http://127.0.0.1:1" }, {});
    expect(clients.region).toBe("eu-central-1");
  });

  it("keeps credentials from the environment for a local endpoint", async () => {
    process.env.AWS_ACCESS_KEY_ID = "AKIDLOCALTEST";
    process.env.AWS_SECRET_ACCESS_KEY = "secret";
    const clients = await open({ endpointUrl: "http://127.0.0.1:1" }, {});
    expect(await clients.lambda.config.credentials()).toMatchObject({ accessKeyId: "AKIDLOCALTEST" });
  });

  it("reports a missing region for a remote endpoint", async () => {
    const f = await failureOf(createClients({ endpointUrl: "https://lambda.example.com" }, {}));
    expect(f.kind).toBe("no-region");
  });

  // Each service on its own: with only Lambda local, CloudWatch Logs stays on AWS with the real
  // credential chain. It once got the sandbox's placeholder credentials and went to AWS with them.
  it("leaves CloudWatch Logs on AWS, with no placeholder credentials, when only Lambda is local", async () => {
    const clients = await open({}, { AWS_ENDPOINT_URL_LAMBDA: "http://127.0.0.1:1" });
    expect(clients.endpoint).toBe("http://127.0.0.1:1");
    expect(clients.logsEndpoint).toBeUndefined();
    expect(await clients.lambda.config.credentials()).toMatchObject({ accessKeyId: "sandbox" });
    await expect(clients.logs.config.credentials()).rejects.toThrow(/credentials/i);
    const endpoint = await clients.logs.config.endpoint?.();
    expect(endpoint?.hostname ?? "").not.toBe("127.0.0.1");
  });

  it("names the CloudWatch Logs endpoint apart from Lambda's", async () => {
    const clients = await open(
      {},
      {
        AWS_ENDPOINT_URL_LAMBDA: "http://127.0.0.1:1",
        AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: "http://127.0.0.1:2",
      },
    );
    expect(clients.logsEndpoint).toBe("http://127.0.0.1:2");
    expect(await clients.logs.config.credentials()).toMatchObject({ accessKeyId: "sandbox" });
  });

  it("honours AWS_DEFAULT_REGION after AWS_REGION, as the AWS CLI does", async () => {
    process.env.AWS_ACCESS_KEY_ID = "AKIDTEST";
    process.env.AWS_SECRET_ACCESS_KEY = "secret";
    const remote = { endpointUrl: "https://lambda.example.com" };
    expect((await open(remote, { AWS_DEFAULT_REGION: "eu-north-1" })).region).toBe("eu-north-1");
    expect((await open(remote, { AWS_REGION: "ap-south-1", AWS_DEFAULT_REGION: "eu-north-1" })).region).toBe(
      "ap-south-1",
    );
    expect(
      (await open({ ...remote, region: "us-west-2" }, { AWS_DEFAULT_REGION: "eu-north-1" })).region,
    ).toBe("us-west-2");
  });

  it("takes --profile's endpoint_url and services section, as AWS_PROFILE does", async () => {
    await writeFile(
      path.join(home, "config"),
      [
        "[profile local]",
        "region = eu-west-3",
        "endpoint_url = http://127.0.0.1:7",
        "[profile split]",
        "services = split-services",
        "endpoint_url = http://127.0.0.1:8",
        "[services split-services]",
        "lambda =",
        "  endpoint_url = http://127.0.0.1:9",
        "",
      ].join("\n"),
    );
    const byFlag = await open({ profile: "local" }, {});
    expect(byFlag).toMatchObject({ endpoint: "http://127.0.0.1:7", logsEndpoint: "http://127.0.0.1:7" });
    expect(byFlag.region).toBe("eu-west-3");
    const byEnv = await open({}, { AWS_PROFILE: "local" });
    expect(byEnv.endpoint).toBe("http://127.0.0.1:7");
    const split = await open({ profile: "split" }, {});
    expect(split).toMatchObject({ endpoint: "http://127.0.0.1:9", logsEndpoint: "http://127.0.0.1:8" });
    // The variables still come first, and the flag before them.
    expect((await open({ profile: "local" }, { AWS_ENDPOINT_URL: "http://127.0.0.1:5" })).endpoint).toBe(
      "http://127.0.0.1:5",
    );
    expect(
      (await open({ profile: "local" }, { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }).catch((e) => e))
        .kind,
    ).toBe("no-credentials");
  });

  it("says a profile that does not exist is not found", async () => {
    await writeFile(path.join(home, "config"), "[profile dev]\nregion = eu-west-1\n");
    const byFlag = await failureOf(createClients({ profile: "dve" }, {}));
    expect(byFlag.kind).toBe("no-profile");
    expect(byFlag.message).toMatch(/profile "dve" is not found/);
    expect(byFlag.hint).toMatch(/aws configure list-profiles/);
    const byEnv = await failureOf(createClients({}, { AWS_PROFILE: "dve" }));
    expect(byEnv.message).toMatch(/profile "dve" \(from AWS_PROFILE\) is not found/);
  });

  it("reports missing credentials for a remote endpoint", async () => {
    const f = await failureOf(
      createClients({ endpointUrl: "https://lambda.example.com", region: "eu-west-1" }, {}),
    );
    expect(f.kind).toBe("no-credentials");
    expect(f.hint).toContain("lambda-explorer --sandbox");
  });

  it("rejects an endpoint that is not a URL", async () => {
    const f = await failureOf(createClients({ endpointUrl: "not a url", region: undefined }, {}));
    expect(f.message).toMatch(/"not a url" is not an http\(s\) URL/);
    expect(f.message).toMatch(/Lambda endpoint/);
  });

  it("rejects an endpoint that is not http(s)", async () => {
    const f = await failureOf(createClients({ endpointUrl: "ftp://127.0.0.1:21" }, {}));
    expect(f.message).toMatch(/is not an http\(s\) URL/);
  });

  it("names the CloudWatch Logs endpoint when that one is invalid", async () => {
    const f = await failureOf(
      createClients(
        {},
        { AWS_ENDPOINT_URL_LAMBDA: "http://127.0.0.1:1", AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: "logs" },
      ),
    );
    expect(f.message).toMatch(/CloudWatch Logs endpoint "logs" is not an http\(s\) URL/);
  });
});
