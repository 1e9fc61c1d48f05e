// The accounts the end-to-end tests sign in with (one per role), created through the same
// path as `npm run user:create`. Used only for the throwaway e2e database.
export const E2E_PASSWORD = "parley-e2e-password";
export const E2E_USERS = [
  { email: "admin@e2e.test", name: "Ada Admin", role: "admin" },
  { email: "editor@e2e.test", name: "Eddie Editor", role: "editor" },
  { email: "viewer@e2e.test", name: "Vera Viewer", role: "viewer" },
];
