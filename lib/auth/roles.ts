/**
 * Who may do what. Shared by the database enum, the session, the UI and every
 * server-side check, so a role is spelled in exactly one place.
 */
export const ROLES = ["admin", "campaigner", "volunteer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  campaigner: "Campaigner",
  volunteer: "Volunteer",
};

/** Campaigners build pages and watch calls; admins also manage users. */
export const STAFF_ROLES = ["admin", "campaigner"] as const satisfies readonly Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Where a person lands after signing in when no page asked for them: volunteers have no /admin. */
export function homePath(role: Role): string {
  return (STAFF_ROLES as readonly Role[]).includes(role) ? "/admin" : "/";
}
