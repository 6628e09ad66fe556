// The first ListFunctions request sent before anyone reads the list (start-up sends it while
// the UI loads), against a real sandbox: its pages are the listing's, and its failure is
// thrown where listFunctions would throw it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClients } from "../../../src/aws/clients.js";
import { AwsFailure } from "../../../src/aws/errors.js";
import { startListing } from "../../../src/aws/listing-start.js";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ functionsDir: null, synthetic: 120 });
});
afterAll(async () => {
  await sb?.close();
});

async function all(pages: AsyncIterable<{ name: string }[]>): Promise<string[][]> {
  const out: string[][] = [];
  for await (const page of pages) out.push(page.map((f) => f.name));
  return out;
}

describe("startListing", () => {
  it("asks for the first page before it is read, then yields it and every further page", async () => {
    const clients = createClients({ endpointUrl: sb.url });
    const listing = startListing(clients);
    expect(listing.first.fulfilled).toBe(false);
    const first = await listing.first.promise;
    expect(first?.map((f) => f.name)).toEqual(listing.first.value?.map((f) => f.name));
    expect(first).toHaveLength(50);
    const c = await clients;
    expect(listing.isFor(c)).toBe(true);
    expect(listing.isFor(await createClients({ endpointUrl: sb.url }))).toBe(false);
    const pages = await all(listing.pages(new AbortController().signal));
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(pages[0]).toEqual(first!.map((f) => f.name));
    expect(new Set(pages.flat()).size).toBe(120);
    await expect(all(listing.pages(new AbortController().signal))).rejects.toThrow(/read twice/);
    c.destroy();
  });

  it("throws the first request's failure from pages(), as listFunctions would, and never has a first page", async () => {
    const listing = startListing(createClients({ endpointUrl: "http://127.0.0.1:9" }));
    const err: unknown = await all(listing.pages(new AbortController().signal)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsFailure);
    expect((err as AwsFailure).kind).toBe("unreachable");
    expect(listing.first.fulfilled).toBe(false);
    expect(listing.first.value).toBeUndefined();
  });

  it("throws the clients' failure from pages() when they could not be made", async () => {
    const listing = startListing(createClients({ endpointUrl: "ftp://example.com" }));
    await expect(all(listing.pages(new AbortController().signal))).rejects.toThrow(/not an http\(s\) URL/);
  });
});
