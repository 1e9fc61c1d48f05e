// The guard of "Fetch from URL" (issue 9, item 3; docs/decisions/015): which addresses, ports,
// schemes and redirects Parley's server may fetch, and the administrator's allow-list.
import { describe, expect, it } from "vitest";
import { addressRefusal, checkFetchUrl, nonPublicRange, pageKind, parseAllowList, redirectTarget } from "@/lib/fetch-guard";
import { parseEnv } from "@/lib/env";

describe("addresses: only the public internet, unless allowed", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"], // cloud metadata
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"], // IPv4-mapped
    ["::ffff:a9fe:a9fe", "linkLocal"], // IPv4-mapped 169.254.169.254 in hex
    ["::ffff:10.0.0.1", "private"],
    ["64:ff9b::7f00:1", "loopback"], // NAT64 of 127.0.0.1
    ["2002:c0a8:101::1", "private"], // 6to4 of 192.168.1.1
    ["::7f00:1", "ipv4Compatible"], // deprecated IPv4-compatible ::127.0.0.1
    ["2001:db8::1", "reserved"], // documentation
  ])("%s is refused (%s)", (address, range) => {
    expect(nonPublicRange(address)).toBe(range);
    expect(addressRefusal("news.example", address, 443, [])).toMatch(/private or local network addresses: news\.example \(.+\) is not on the public internet/);
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700::6810:84e5", "::ffff:8.8.8.8", "64:ff9b::808:808"])("%s (public) may be fetched on 80 and 443", (address) => {
    expect(nonPublicRange(address)).toBeNull();
    expect(addressRefusal("news.example", address, 443, [])).toBeNull();
    expect(addressRefusal("news.example", address, 80, [])).toBeNull();
  });

  it("a public address on another port is refused (no port scanning through Parley)", () => {
    for (const port of [22, 25, 6379, 8080]) {
      expect(addressRefusal("news.example", "93.184.215.14", port, [])).toMatch(new RegExp(`only on the web's ports \\(80 and 443\\), not port ${port}`));
    }
  });

  it("an address that is not one is refused", () => {
    expect(addressRefusal("news.example", "not-an-ip", 443, [])).toMatch(/could not find the address of news\.example/);
  });
});

describe("the administrator's allow-list (PARLEY_FETCH_ALLOW)", () => {
  it("allows exactly the networks and ports listed", () => {
    const allow = parseAllowList("127.0.0.1:3190, 10.0.0.0/8, [fd00::]/8:8080, ::1");
    expect(addressRefusal("localhost", "127.0.0.1", 3190, allow)).toBeNull();
    expect(addressRefusal("localhost", "127.0.0.1", 3191, allow)).toMatch(/private or local/);
    expect(addressRefusal("localhost", "127.0.0.2", 3190, allow)).toMatch(/private or local/);
    expect(addressRefusal("wiki", "10.20.30.40", 22, allow)).toBeNull();
    expect(addressRefusal("wiki", "::ffff:10.20.30.40", 80, allow)).toBeNull(); // mapped form of an allowed IPv4
    expect(addressRefusal("wiki", "fd12::5", 8080, allow)).toBeNull();
    expect(addressRefusal("wiki", "fd12::5", 80, allow)).toMatch(/private or local/);
    expect(addressRefusal("localhost", "::1", 3000, allow)).toBeNull();
    expect(addressRefusal("wiki", "192.168.0.1", 80, allow)).toMatch(/PARLEY_FETCH_ALLOW/);
  });

  it("a network entry with host bits (127.0.0.1/8) covers the whole network", () => {
    const allow = parseAllowList("127.0.0.1/8");
    expect(addressRefusal("x", "127.9.9.9", 1234, allow)).toBeNull();
  });

  it.each(["localhost", "127.0.0.1/33", "10.0.0.0/8:0", "10.0.0.0/8:70000", "300.1.1.1", "[::1", "fd00::/129", "*"])("refuses the malformed entry %s at start-up, naming the variable", (entry) => {
    expect(() => parseAllowList(entry)).toThrow(/PARLEY_FETCH_ALLOW/);
    expect(() => parseEnv({ PARLEY_FETCH_ALLOW: entry })).toThrow(/PARLEY_FETCH_ALLOW/);
  });

  it("is empty by default: nothing private is reachable", () => {
    expect(parseEnv({}).fetchAllow).toEqual([]);
    expect(parseEnv({ PARLEY_FETCH_ALLOW: "127.0.0.1:3190" }).fetchAllow).toHaveLength(1);
  });
});

describe("addresses asked for: web pages only", () => {
  it.each([
    ["", /Paste the page's address/],
    ["news.example/article", /full web address/],
    ["file:///etc/passwd", /only web pages \(https:\/\/ or http:\/\/\), not file: addresses/],
    ["ftp://news.example/a", /not ftp: addresses/],
    ["gopher://127.0.0.1:6379/_INFO", /not gopher: addresses/],
    ["javascript:alert(1)", /not javascript: addresses/],
    ["data:text/html,<p>hi</p>", /not data: addresses/],
    ["https://user:secret@news.example/", /Remove the user name or password/],
  ])("%s is refused", (raw, message) => {
    const check = checkFetchUrl(raw);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
  });

  it("http and https are accepted; numeric hosts are normalised before they are checked", () => {
    expect(checkFetchUrl("https://news.example/a?b=1").ok).toBe(true);
    const decimal = checkFetchUrl("http://2130706433/"); // 127.0.0.1 written as one number
    expect(decimal.ok && decimal.url.hostname).toBe("127.0.0.1");
    const hex = checkFetchUrl("http://0x7f.1/");
    expect(hex.ok && hex.url.hostname).toBe("127.0.0.1");
  });
});

describe("redirects are re-checked", () => {
  const from = new URL("https://news.example/story");
  it("a relative Location resolves against the page", () => {
    const next = redirectTarget(from, "/story-2");
    expect(next.ok && next.url.toString()).toBe("https://news.example/story-2");
  });
  it("a redirect to another scheme, to credentials or nowhere is refused", () => {
    expect(redirectTarget(from, "file:///etc/passwd")).toMatchObject({ ok: false, message: expect.stringMatching(/redirected to file:\/\/\/etc\/passwd: .*not file:/) });
    expect(redirectTarget(from, "http://a:b@news.example/")).toMatchObject({ ok: false });
    expect(redirectTarget(from, undefined)).toMatchObject({ ok: false, message: expect.stringMatching(/did not say where/) });
  });
  it("a redirect to a private address passes the URL check but not the address check", () => {
    const next = redirectTarget(from, "http://169.254.169.254/latest/meta-data/");
    expect(next.ok).toBe(true);
    if (next.ok) expect(addressRefusal(next.url.hostname, next.url.hostname, 80, [])).toMatch(/169\.254\.169\.254 is not on the public internet/);
  });
});

describe("content types", () => {
  it("reads HTML and plain text only", () => {
    expect(pageKind("text/html; charset=utf-8")).toBe("html");
    expect(pageKind("application/xhtml+xml")).toBe("html");
    expect(pageKind("text/plain")).toBe("text");
    expect(pageKind("application/pdf")).toBeNull();
    expect(pageKind("image/png")).toBeNull();
    expect(pageKind(undefined)).toBeNull();
  });
});
