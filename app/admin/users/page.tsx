import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listOpenInvitations, listUsers } from "@/lib/users/service";
import { InviteForm } from "./invite-form";
import { DisableForm, ResetLinkForm, RevokeInvitationForm, RoleForm } from "./user-controls";

export const metadata: Metadata = { title: "Users" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export default async function UsersPage() {
  const me = await requireRole(["admin"]);
  const [people, invitations] = await Promise.all([listUsers(db()), listOpenInvitations(db())]);
  return (
    <>
      <PageHeader title="Users" description="Admins manage users; campaigners build pages; volunteers join phone banks." />
      <InviteForm />

      <section className="mt-8">
        <h2 className="mb-3 font-semibold">People</h2>
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Person</th>
                <th scope="col" className="px-4 py-3 font-medium">Role</th>
                <th scope="col" className="px-4 py-3 font-medium">Status</th>
                <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {people.map((person) => (
                <tr key={person.id} data-testid={`user-${person.email}`}>
                  <td className="px-4 py-3">
                    <div className="font-medium">{person.name || "—"}</div>
                    <div className="text-slate-600">{person.email}</div>
                  </td>
                  <td className="px-4 py-3">
                    {person.id === me.id ? ROLE_LABELS[person.role] : <RoleForm userId={person.id} role={person.role} email={person.email} />}
                  </td>
                  <td className="px-4 py-3">{person.disabledAt ? <span className="text-red-700">Disabled</span> : `Since ${dateFormat.format(person.createdAt)}`}</td>
                  <td className="px-4 py-3">
                    {person.id === me.id ? (
                      <span className="text-slate-500">You</span>
                    ) : (
                      <>
                        <DisableForm userId={person.id} disabled={!!person.disabledAt} />
                        <ResetLinkForm userId={person.id} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {invitations.length > 0 && (
        <section className="mt-8">
          <h2 className="mb-3 font-semibold">Open invitations</h2>
          <ul className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <span>
                  {invitation.email} · {ROLE_LABELS[invitation.role]} · expires {dateFormat.format(invitation.expiresAt)}
                </span>
                <RevokeInvitationForm invitationId={invitation.id} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
