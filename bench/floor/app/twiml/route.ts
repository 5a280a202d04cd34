// The floor for a Twilio webhook: a route that reads the form and answers constant TwiML, touching nothing else.
export const dynamic = "force-dynamic";

const TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Thank you for calling.</Say><Redirect>/twiml</Redirect></Response>';

export async function POST(request: Request) {
  await request.text();
  return new Response(TWIML, { headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" } });
}
