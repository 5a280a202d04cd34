// Extracts the part of Twilio's OpenAPI description that the simulator
// implements (Calls, Queues, Members, IncomingPhoneNumbers, OutgoingCallerIds) into lib/telephony/testing/vendor/, so
// the conformance tests run on a fresh clone without ../shared.
// Usage: node scripts/vendor-twilio-openapi.mjs ../shared/vendor/twilio_api_v2010.json
import { createHash } from "node:crypto";
import fs from "node:fs";

const source = process.argv[2] ?? "../shared/vendor/twilio_api_v2010.json";
const raw = fs.readFileSync(source);
const spec = JSON.parse(raw);
const base = "/2010-04-01/Accounts/{AccountSid}";
const paths = [
  "/Calls.json",
  "/Calls/{Sid}.json",
  "/Queues.json",
  "/Queues/{Sid}.json",
  "/Queues/{QueueSid}/Members.json",
  "/Queues/{QueueSid}/Members/{CallSid}.json",
  "/IncomingPhoneNumbers.json",
  "/IncomingPhoneNumbers/{Sid}.json",
  "/OutgoingCallerIds.json",
  "/OutgoingCallerIds/{Sid}.json",
].map((path) => base + path);
const schemas = ["api.v2010.account.call", "api.v2010.account.queue", "api.v2010.account.queue.member", "api.v2010.account.incoming_phone_number", "api.v2010.account.outgoing_caller_id"];
const subset = {
  source: { file: "twilio_api_v2010.json", sha256: createHash("sha256").update(raw).digest("hex"), info: spec.info },
  paths: Object.fromEntries(paths.map((path) => [path, spec.paths[path]])),
  schemas: Object.fromEntries(schemas.map((name) => [name, spec.components.schemas[name]])),
};
fs.writeFileSync("lib/telephony/testing/vendor/twilio-openapi-subset.json", JSON.stringify(subset, null, 1) + "\n");
console.log(`wrote ${paths.length} paths and ${schemas.length} schemas`);
