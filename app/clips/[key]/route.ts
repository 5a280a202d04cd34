import { uploadsFolder } from "@/lib/storage";
import { serveLocalClip } from "@/lib/storage/serve";

// Public by design: Twilio fetches clips without credentials. The key is 128 random bits.
async function handle(request: Request, { params }: { params: Promise<{ key: string }> }) {
  return serveLocalClip(uploadsFolder(), (await params).key, request);
}

export { handle as GET, handle as HEAD };
