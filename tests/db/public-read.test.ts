// Reading without an account is a setting: on by default (the local demo), off with
// PARLEY_PUBLIC_READ=off, when every reading page sends an anonymous visitor to sign in.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);

import { useFreshDatabase } from "../support/db";
import { request } from "../support/next-request";
import { publicReadEnabled, requireReader } from "@/server/session";

const redirectOf = (error: unknown) => String((error as { digest?: string }).digest ?? "").split(";")[2] ?? null;

beforeAll(() => {
  useFreshDatabase();
  process.env.BETTER_AUTH_SECRET ??= "test-secret-for-public-read-0123456789";
  request.headers = new Headers({ host: "127.0.0.1:3000" });
});
afterEach(() => {
  delete process.env.PARLEY_PUBLIC_READ;
});

describe("public reading", () => {
  it("is on by default: an anonymous reader gets the page", async () => {
    expect(publicReadEnabled()).toBe(true);
    await expect(requireReader("/negotiations/x")).resolves.toBeNull();
  });
  it("off: an anonymous reader is sent to sign in, then back to the page", async () => {
    process.env.PARLEY_PUBLIC_READ = "off";
    expect(publicReadEnabled()).toBe(false);
    const error = await requireReader("/negotiations/x?asOf=2024-08-25").catch((e) => e);
    expect(redirectOf(error)).toBe(`/sign-in?next=${encodeURIComponent("/negotiations/x?asOf=2024-08-25")}`);
  });
  it("accepts OFF in any case, and anything else keeps reading open", () => {
    process.env.PARLEY_PUBLIC_READ = "OFF";
    expect(publicReadEnabled()).toBe(false);
    process.env.PARLEY_PUBLIC_READ = "on";
    expect(publicReadEnabled()).toBe(true);
  });
});
