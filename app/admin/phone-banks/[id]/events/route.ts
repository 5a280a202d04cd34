import { currentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { liveHub } from "@/lib/phonebank/live";
import { loadPhoneBank } from "@/lib/phonebank/service";
import { liveStream } from "@/lib/phonebank/stream";
import { dashboard } from "@/lib/phonebank/views";

export const dynamic = "force-dynamic";

/** The campaigner's live view as Server-Sent Events. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user || !(STAFF_ROLES as readonly string[]).includes(user.role)) return new Response("Forbidden", { status: 403 });
  const bank = await loadPhoneBank(db(), (await params).id);
  if (!bank) return new Response("Not found", { status: 404 });
  return liveStream({ hub: liveHub(), wants: (event) => event.bank === bank.id, read: () => dashboard(db(), bank.id), signal: request.signal, heartbeatMs: 15_000 });
}
