// Listing functions, their versions and aliases. Pages are yielded as they arrive so a caller
// can show the first one at once.
import {
  GetFunctionConfigurationCommand,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  type AliasConfiguration,
  type FunctionConfiguration,
} from "@aws-sdk/client-lambda";
import type { FunctionSummary } from "../core/model.js";
import type { Clients } from "./clients.js";
import { describeAwsError } from "./errors.js";

export function summarize(f: FunctionConfiguration): FunctionSummary {
  const name = f.FunctionName ?? "";
  return {
    name,
    arn: f.FunctionArn ?? "",
    runtime: f.Runtime ?? (f.PackageType === "Image" ? "image" : null),
    description: f.Description ?? "",
    memoryMb: f.MemorySize ?? null,
    timeoutS: f.Timeout ?? null,
    lastModified: f.LastModified ?? null,
    version: f.Version ?? "$LATEST",
    logGroup: f.LoggingConfig?.LogGroup ?? `/aws/lambda/${name}`,
    logFormat: f.LoggingConfig?.LogFormat === "JSON" ? "JSON" : "Text",
  };
}

function ctx(clients: Clients) {
  return { profile: clients.profile, endpoint: clients.endpoint, region: clients.region };
}

/** Every function of the account and region, a page at a time. */
export async function* listFunctions(
  clients: Clients,
  signal?: AbortSignal,
): AsyncGenerator<FunctionSummary[]> {
  let marker: string | undefined;
  do {
    let page;
    try {
      page = await clients.lambda.send(new ListFunctionsCommand({ Marker: marker, MaxItems: 50 }), {
        abortSignal: signal,
      });
    } catch (err) {
      throw describeAwsError(err, ctx(clients));
    }
    yield (page.Functions ?? []).map(summarize);
    marker = page.NextMarker;
  } while (marker);
}

export async function getFunction(
  clients: Clients,
  name: string,
  qualifier?: string,
  signal?: AbortSignal,
): Promise<FunctionSummary> {
  try {
    const out = await clients.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: name, Qualifier: qualifier }),
      { abortSignal: signal },
    );
    return summarize(out);
  } catch (err) {
    throw describeAwsError(err, ctx(clients));
  }
}

/** Follows NextMarker to the end, collecting `items` of every page. */
async function allPages<P extends { NextMarker?: string | undefined }, T>(
  clients: Clients,
  fetch: (marker: string | undefined) => Promise<P>,
  items: (page: P) => T[],
): Promise<T[]> {
  const out: T[] = [];
  let marker: string | undefined;
  try {
    do {
      const page = await fetch(marker);
      out.push(...items(page));
      marker = page.NextMarker;
    } while (marker);
  } catch (err) {
    throw describeAwsError(err, ctx(clients));
  }
  return out;
}

export async function listVersions(
  clients: Clients,
  name: string,
  signal?: AbortSignal,
): Promise<FunctionSummary[]> {
  return allPages(
    clients,
    (Marker) =>
      clients.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: name, Marker }), {
        abortSignal: signal,
      }),
    (page) => (page.Versions ?? []).map(summarize),
  );
}

export interface AliasSummary {
  name: string;
  version: string;
  description: string;
  arn: string;
}

export async function listAliases(
  clients: Clients,
  name: string,
  signal?: AbortSignal,
): Promise<AliasSummary[]> {
  const aliases: AliasConfiguration[] = await allPages(
    clients,
    (Marker) =>
      clients.lambda.send(new ListAliasesCommand({ FunctionName: name, Marker }), { abortSignal: signal }),
    (page) => page.Aliases ?? [],
  );
  return aliases.map((a) => ({
    name: a.Name ?? "",
    version: a.FunctionVersion ?? "",
    description: a.Description ?? "",
    arn: a.AliasArn ?? "",
  }));
}
