// Which Host values the sandbox accepts, for a loopback bind and for one made on purpose to
// another address.
import { describe, expect, it } from "vitest";
import { allowedHostNames, parseHost } from "../../../src/sandbox/request-gate.js";

describe("parseHost", () => {
  it.each([
    ["localhost:9001", { name: "localhost", port: 9001 }],
    ["127.0.0.1", { name: "127.0.0.1", port: 80 }],
    ["[::1]:9001", { name: "::1", port: 9001 }],
    ["Example.COM:8080", { name: "example.com", port: 8080 }],
  ])("%s", (host, parsed) => {
    expect(parseHost(host)).toEqual(parsed);
  });

  it.each(["", "::1:9001", "localhost:", "localhost:99999", "a:b:c", "[::1"])("refuses %j", (host) => {
    expect(parseHost(host)).toBeNull();
  });
});

describe("allowedHostNames", () => {
  it("on loopback: localhost, 127.0.0.0/8 and ::1, no other name or address", () => {
    const ok = allowedHostNames("127.0.0.1");
    for (const name of ["localhost", "127.0.0.1", "127.255.0.9", "::1", "::ffff:127.0.0.1"])
      expect(ok(name), name).toBe(true);
    for (const name of ["attacker.example", "localhost.attacker.example", "10.0.0.1", "0.0.0.0", "::"])
      expect(ok(name), name).toBe(false);
  });

  it("bound on purpose to an address: that address too, still no DNS name", () => {
    const ok = allowedHostNames("192.168.1.20");
    expect(ok("192.168.1.20")).toBe(true);
    expect(ok("localhost")).toBe(true);
    expect(ok("192.168.1.21")).toBe(false);
    expect(ok("myhost.lan")).toBe(false);
  });
});
