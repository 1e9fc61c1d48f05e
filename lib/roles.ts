// Who may do what. Checked on the server where data is written (server/session.ts), never
// only in the UI or the proxy.
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { viewer: "Viewer", editor: "Editor", admin: "Admin" };

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Does `role` include the rights of `needed`? Unknown roles have none. */
export function hasRole(role: unknown, needed: Role): boolean {
  return isRole(role) && RANK[role] >= RANK[needed];
}

/** The least role for each kind of action. */
export const NEEDED = {
  read: "viewer",
  write: "editor", // entries, sources, parties, issues, negotiations
  restore: "editor", // from the trash
  manageUsers: "admin",
} as const satisfies Record<string, Role>;
