"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { FormError } from "@/lib/errors";
import { issuePasswordReset } from "@/lib/users/passwords";
import { changeRole, inviteUser, revokeInvitation, setDisabled } from "@/lib/users/service";
import { inviteSchema, roleSchema } from "@/lib/zod/user";

const adminOnly = ["admin"] as const;
const userId = z.uuid("Unknown user");

export const inviteAction = authorizedAction({ roles: adminOnly, schema: inviteSchema }, async (input, { user }) => {
  const { token } = await inviteUser(db(), { ...input, invitedBy: user.id });
  revalidatePath("/admin/users");
  return {
    message: `Invitation created for ${input.email}. Send them this link; it works once, for 7 days.`,
    result: { link: `${getEnv().PUBLIC_URL}/invite/${token}` },
  };
});

export const changeRoleAction = authorizedAction({ roles: adminOnly, schema: z.object({ userId, role: roleSchema }) }, async (input, { user }) => {
  await changeRole(db(), { actorId: user.id, userId: input.userId, role: input.role });
  revalidatePath("/admin/users");
  return { message: "Role saved." };
});

export const setDisabledAction = authorizedAction(
  { roles: adminOnly, schema: z.object({ userId, disabled: z.enum(["true", "false"]).transform((v) => v === "true") }) },
  async (input, { user }) => {
    await setDisabled(db(), { actorId: user.id, userId: input.userId, disabled: input.disabled });
    revalidatePath("/admin/users");
    return { message: input.disabled ? "Account disabled." : "Account enabled." };
  },
);

export const revokeInvitationAction = authorizedAction({ roles: adminOnly, schema: z.object({ invitationId: z.uuid() }) }, async (input) => {
  await revokeInvitation(db(), input.invitationId);
  revalidatePath("/admin/users");
  return { message: "Invitation withdrawn." };
});

export const issueResetLinkAction = authorizedAction({ roles: adminOnly, schema: z.object({ userId }) }, async (input, { user }) => {
  if (input.userId === user.id) throw new FormError("Change your own password from Change password.");
  const { token, email } = await issuePasswordReset(db(), { userId: input.userId, createdBy: user.id });
  return {
    message: `Send ${email} this link; it works once, for 24 hours, and replaces any link issued before.`,
    result: { link: `${getEnv().PUBLIC_URL}/reset/${token}` },
  };
});
