// The accounts the end-to-end tests sign in with (one per role), created through the same
// path as `npm run user:create`. Used only for the throwaway e2e database.
export const E2E_PASSWORD = "parley-e2e-password";
export const E2E_USERS = [
  { email: "admin@e2e.test", name: "Ada Admin", role: "admin" },
  { email: "editor@e2e.test", name: "Eddie Editor", role: "editor" },
  { email: "viewer@e2e.test", name: "Vera Viewer", role: "viewer" },
];

/** Creates the accounts above in the database `env.DATABASE_URL` names (`npm run user:create`). */
export async function createE2EUsers(env) {
  const { execSync } = await import("node:child_process");
  for (const user of E2E_USERS) {
    execSync(`npm run --silent user:create -- --email ${user.email} --name "${user.name}" --role ${user.role}`, {
      stdio: "inherit",
      env: { ...env, PARLEY_PASSWORD: E2E_PASSWORD },
    });
  }
}
