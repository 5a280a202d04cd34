import { appSimulator } from "@/lib/telephony/simulator";
import { handlePhoneApi } from "@/lib/telephony/simulator/phone-api";
import { refuseUnlessStaff } from "../staff-only";

export const dynamic = "force-dynamic";

async function handle(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const sim = appSimulator();
  if (!sim) return new Response("Not found", { status: 404 });
  return (await refuseUnlessStaff()) ?? handlePhoneApi(sim, request, (await params).path);
}

export { handle as GET, handle as POST, handle as PUT, handle as DELETE };
