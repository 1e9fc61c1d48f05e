// Finding 5 of issue 7: a write or sign-in is trusted only from the app's own origins.
import { describe, expect, it } from "vitest";
import { isAllowedHost, isSameOriginWrite } from "@/lib/origin";
import { parseEnv } from "@/lib/env";

const { origins, hosts } = parseEnv({ PORT: "3130" });
const write = (origin: string | null, secFetchSite: string | null = null) => isSameOriginWrite({ origin, secFetchSite, trusted: origins });

describe("isSameOriginWrite", () => {
  it("trusts the app's own origin on its own port", () => {
    expect(write("http://127.0.0.1:3130")).toBe(true);
    expect(write("http://localhost:3130")).toBe(true);
  });
  it("refuses another local port, whatever the Host header says", () => {
    expect(write("http://localhost:9999")).toBe(false);
    expect(write("http://127.0.0.1:3131")).toBe(false);
    expect(write("http://[::1]:8080")).toBe(false);
    expect(write("https://127.0.0.1:3130")).toBe(false);
  });
  it("refuses other sites, null and garbage", () => {
    expect(write("https://evil.example")).toBe(false);
    expect(write("null")).toBe(false);
    expect(write("not a url")).toBe(false);
  });
  it("without an Origin, follows Sec-Fetch-Site", () => {
    expect(write(null)).toBe(true);
    expect(write(null, "same-origin")).toBe(true);
    expect(write(null, "cross-site")).toBe(false);
    expect(write("", "same-site")).toBe(false);
  });
});

describe("isAllowedHost", () => {
  it("answers only the configured hosts, exactly", () => {
    expect(isAllowedHost("127.0.0.1:3130", hosts)).toBe(true);
    expect(isAllowedHost("LOCALHOST:3130", hosts)).toBe(true);
    expect(isAllowedHost("localhost", hosts)).toBe(false);
    expect(isAllowedHost("localhost:9999", hosts)).toBe(false);
    expect(isAllowedHost("evil.example", hosts)).toBe(false);
    expect(isAllowedHost(null, hosts)).toBe(false);
  });
});
