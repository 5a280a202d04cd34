import { currentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { allLeads } from "@/lib/phonebank/leads";
import { leadsToCsv } from "@/lib/phonebank/leads-csv";
import { loadPhoneBank } from "@/lib/phonebank/service";
import { slugify } from "@/lib/zod/page";

/** Every lead with its outcome, as CSV (with a BOM, for Excel). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user || !(STAFF_ROLES as readonly string[]).includes(user.role)) return new Response("Forbidden", { status: 403 });
  const bank = await loadPhoneBank(db(), (await params).id);
  if (!bank) return new Response("Not found", { status: 404 });
  return new Response(leadsToCsv(await allLeads(db(), bank.id)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(bank.name) || "phone-bank"}-leads.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
