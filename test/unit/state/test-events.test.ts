import { mkdtemp, readFile, stat, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  deletePrivateEvent,
  getPrivateEvent,
  listPrivateEvents,
  privateEventsFile,
  putPrivateEvent,
  renamePrivateEvent,
} from "../../../src/state/test-events.js";

const scope = { profile: undefined, region: "us-east-1", endpoint: "http://127.0.0.1:1" };
const tmp = () => mkdtemp(path.join(os.tmpdir(), "lx-events-"));

describe("private test events", () => {
  it("keeps named payloads per function and scope, byte for byte, in 0600 files", async () => {
    const dir = await tmp();
    const text = '{\n  "name": "Zoë 😀",\n  "n": 1\n}';
    expect(await putPrivateEvent(scope, "orders-api", "zoe", text, dir)).toEqual({ replaced: false });
    await putPrivateEvent(scope, "orders-api", "empty", "{}", dir);
    expect((await getPrivateEvent(scope, "orders-api", "zoe", dir))?.payload).toBe(text);
    expect((await listPrivateEvents(scope, "orders-api", dir)).map((e) => e.name)).toEqual(["zoe", "empty"]);
    expect(await listPrivateEvents(scope, "thrower", dir)).toEqual([]);
    expect(await listPrivateEvents({ ...scope, region: "eu-west-1" }, "orders-api", dir)).toEqual([]);
    const file = privateEventsFile(scope, "orders-api", dir);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
  });

  it("replaces, renames in place and deletes", async () => {
    const dir = await tmp();
    await putPrivateEvent(scope, "f", "a", "1", dir);
    await putPrivateEvent(scope, "f", "b", "2", dir);
    expect(await putPrivateEvent(scope, "f", "a", "3", dir)).toEqual({ replaced: true });
    await renamePrivateEvent(scope, "f", "a", "c", dir);
    expect((await listPrivateEvents(scope, "f", dir)).map((e) => [e.name, e.payload])).toEqual([
      ["c", "3"],
      ["b", "2"],
    ]);
    await expect(renamePrivateEvent(scope, "f", "c", "b", dir)).rejects.toThrow(/already exists/);
    await expect(renamePrivateEvent(scope, "f", "zz", "y", dir)).rejects.toThrow(/no private event/);
    expect(await deletePrivateEvent(scope, "f", "c", dir)).toBe(true);
    expect(await deletePrivateEvent(scope, "f", "c", dir)).toBe(false);
    expect((await listPrivateEvents(scope, "f", dir)).map((e) => e.name)).toEqual(["b"]);
  });

  it("never overwrites a damaged file, and names it", async () => {
    const dir = await tmp();
    const file = privateEventsFile(scope, "f", dir);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"version":1,"function":"f","events":{"keep":{"payload":"1"');
    await expect(putPrivateEvent(scope, "f", "new", "{}", dir)).rejects.toThrow(file);
    await expect(listPrivateEvents(scope, "f", dir)).rejects.toThrow(/damaged/);
    expect(await readFile(file, "utf8")).toContain('"keep"');
  });
});
