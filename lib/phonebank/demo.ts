import "server-only";
import { count, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { connectNumber } from "../phone-numbers/routing";
import { TelephonyError } from "../telephony/errors";
import { buyIncomingNumber, listAccountNumbers } from "../telephony/numbers";
import { addPhoneNumber } from "../phone-numbers/service";
import { TEST_CALLER_ID } from "../telephony/test-call";
import { importLeads } from "./leads";
import { phoneBanks } from "./schema";
import { createPhoneBank } from "./service";

/** The demo phone bank's dial-in number: bought on the simulated account for it (Ofcom's drama range, so it rings nobody real). */
export const DEMO_DIAL_IN = "+442079460010";
export const DEMO_PHONE_BANK = "Demo phone bank: bee-friendly councils";

const SCRIPT = `**Hi, I'm a volunteer with the Pollinator Alliance.** Check you're speaking to the person named on your screen.

- Ask whether they'll sign the letter to their council asking for bee-friendly verges.
- If yes: thank them, and ask if they'd come to the meeting on the 14th.
- If they ask to be taken off the list, choose **Do not call**.`;

// Ofcom's drama range: these ring nobody real, and on the simulator they ring the virtual phone.
const LEADS = `name,phone,ward,last_contact
Alex Morgan,+44 20 7946 0501,Northfield,Signed the spring petition
Bea Kowalski,+44 20 7946 0502,Riverside,
Chidi Okeke,+44 20 7946 0503,Northfield,Came to the March meeting
Dana Silva,+44 20 7946 0504,Old Town,
`;

/**
 * A phone bank a new install can try within a minute: leads on the virtual
 * phone, calling hours all day, dialled in on the simulator's starter number.
 * Only on a database with no phone bank yet; answers whether it made one.
 */
export async function ensureDemoPhoneBank(db: Db, userId: string): Promise<boolean> {
  const [{ banks } = { banks: 0 }] = await db.select({ banks: count() }).from(phoneBanks);
  if (banks > 0) return false;
  for (const number of [DEMO_DIAL_IN, TEST_CALLER_ID]) await addPhoneNumber(db, { number, label: "Simulator" }).catch(() => undefined);
  const bank = await createPhoneBank(db, DEMO_PHONE_BANK, userId);
  await db
    .update(phoneBanks)
    .set({ script: SCRIPT, inboundNumber: DEMO_DIAL_IN, callerId: TEST_CALLER_ID, callingStart: 0, callingEnd: 24 * 60 })
    .where(eq(phoneBanks.id, bank.id));
  await importLeads(db, bank.id, LEADS);
  return true;
}

/**
 * On the simulator, buys the demo's dial-in number (once) and points it at
 * the phone bank, through the Twilio API like any number. Run as a job at
 * start-up, retried until the server answers the simulated API.
 */
export async function connectDemoNumber(): Promise<void> {
  const owned = (await listAccountNumbers()).some((entry) => entry.number === DEMO_DIAL_IN);
  if (!owned) {
    await buyIncomingNumber(DEMO_DIAL_IN, "Demo phone bank").catch((error: unknown) => {
      // Bought meanwhile by another instance: fine.
      if (!(error instanceof TelephonyError && error.code === 21422)) throw error;
    });
  }
  await connectNumber(DEMO_DIAL_IN, "phone-bank");
}
