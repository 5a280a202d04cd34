import "server-only";
import { currentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";

/**
 * The virtual phone answers members' calls and lists their numbers, so only
 * signed-in staff may use its API: 401 signed out, 403 for other roles.
 * Answers the refusal, or null to go on.
 */
export async function refuseUnlessStaff(): Promise<Response | null> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "Sign in as a campaigner or admin to use the virtual phone." }, { status: 401 });
  if (!(STAFF_ROLES as readonly string[]).includes(user.role)) return Response.json({ error: "Only campaigners and admins may use the virtual phone." }, { status: 403 });
  return null;
}
