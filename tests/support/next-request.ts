// Stand-ins for the request-scoped parts of Next.js that server actions use, so the real
// exported actions can run in-process in a test: `headers()` answers with whatever request a
// test describes (Origin, Host, the Better Auth session cookie), `cookies()` with an empty jar,
// and `revalidatePath()` only counts its calls. Test files wire them in with
//   vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
//   vi.mock("next/cache", async () => (await import("../support/next-request")).nextCache);
// Kept free of app imports: the mock factories load it while app modules are still loading.

export const request = {
  /** The headers of the request being simulated. */
  headers: new Headers(),
  /** revalidatePath() calls since the last reset. */
  revalidated: 0,
};

const emptyJar = {
  get: () => undefined,
  getAll: () => [],
  has: () => false,
  set: () => undefined,
  delete: () => undefined,
  toString: () => "",
};

export const nextHeaders = {
  headers: async () => new Headers(request.headers),
  cookies: async () => emptyJar,
  draftMode: async () => ({ isEnabled: false, enable: () => undefined, disable: () => undefined }),
};

export const nextCache = {
  revalidatePath: () => {
    request.revalidated++;
  },
  revalidateTag: () => {
    request.revalidated++;
  },
  updateTag: () => undefined,
  refresh: () => undefined,
};
