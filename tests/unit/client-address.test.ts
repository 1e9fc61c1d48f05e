import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "@/lib/client-address";

// Issue 7, finding 1: the throttle believes X-Forwarded-For only as far as trusted proxies wrote it.

describe("clientAddress", () => {
  it("with no trusted proxy (the default) ignores X-Forwarded-For and uses the socket", () => {
    expect(clientAddress({ peer: "203.0.113.9", forwardedFor: "192.0.2.55", trustedProxies: 0 })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "203.0.113.9", forwardedFor: null, trustedProxies: 0 })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "1.2.3.4", trustedProxies: 0 })).toBe("127.0.0.1");
  });

  it("behind one trusted proxy takes the address that proxy appended, not what the client wrote", () => {
    // client 198.51.100.7 sent "X-Forwarded-For: 192.0.2.55"; the proxy (10.0.0.2) appended the client's address.
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "192.0.2.55, 198.51.100.7", trustedProxies: 1 })).toBe("198.51.100.7");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.7", trustedProxies: 1 })).toBe("198.51.100.7");
  });

  it("behind two proxies skips both", () => {
    expect(clientAddress({ peer: "10.0.0.3", forwardedFor: "192.0.2.1, 198.51.100.7, 10.0.0.2", trustedProxies: 2 })).toBe("198.51.100.7");
  });

  it("a request that bypassed the proxy is keyed on whoever connected", () => {
    expect(clientAddress({ peer: "198.51.100.7", forwardedFor: null, trustedProxies: 1 })).toBe("198.51.100.7");
  });

  it("garbage where the client should be falls back to the socket; no socket address is null", () => {
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "not-an-ip", trustedProxies: 1 })).toBe("10.0.0.2");
    expect(clientAddress({ peer: undefined, forwardedFor: "192.0.2.55", trustedProxies: 0 })).toBeNull();
    expect(clientAddress({ peer: "", forwardedFor: "192.0.2.55", trustedProxies: 1 })).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("reads a hop count, 0 by default, and refuses anything else with the variable's name", () => {
    expect(parseTrustedProxies(undefined)).toBe(0);
    expect(parseTrustedProxies("")).toBe(0);
    expect(parseTrustedProxies("1")).toBe(1);
    expect(parseTrustedProxies(" 2 ")).toBe(2);
    for (const bad of ["-1", "yes", "1.5", "11", "10.0.0.1"]) expect(() => parseTrustedProxies(bad)).toThrow(/PARLEY_TRUSTED_PROXIES/);
  });
});
