import fs from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

const xsd = fs.readFileSync(path.join(import.meta.dirname, "vendor/twiml.xsd"), "utf8");

/**
 * Validates a TwiML document against Twilio's (2016) XSD with libxml2. Use it
 * for structure: which verbs go where. The schema predates newer attribute
 * values (see vendor/README.md), so keep those out of documents checked here.
 */
export async function twimlSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: "response.xml", contents: xml }], schema: [{ fileName: "twiml.xsd", contents: xsd }] });
  return result.valid ? [] : result.errors.map((error) => error.message);
}
