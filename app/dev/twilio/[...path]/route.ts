import { appSimulator } from "@/lib/telephony/simulator";
import { handleRest } from "@/lib/telephony/simulator/rest";

export const dynamic = "force-dynamic";

// The simulator's Twilio REST API. With real Twilio configured it does not exist.
async function handle(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const sim = appSimulator();
  if (!sim) return new Response("Not found", { status: 404 });
  return handleRest(sim, request, `/${(await params).path.join("/")}`);
}

export { handle as GET, handle as POST, handle as DELETE };
