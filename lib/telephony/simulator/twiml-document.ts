import { XMLParser, XMLValidator } from "fast-xml-parser";

/** One TwiML element: a verb or a noun, with its attributes, children and text. */
export type TwimlNode = { name: string; attrs: Record<string, string>; children: TwimlNode[]; text: string };

export type ParsedTwiml = { ok: true; verbs: TwimlNode[] } | { ok: false; problem: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

type RawNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toNode(raw: RawNode): TwimlNode | null {
  const name = Object.keys(raw).find((key) => key !== ":@");
  if (!name || name === "#text" || name.startsWith("?")) return null;
  const content = (raw[name] as RawNode[]) ?? [];
  const text = content
    .filter((child) => "#text" in child)
    .map((child) => String(child["#text"]))
    .join(" ")
    .trim();
  const children = content.map(toNode).filter((child): child is TwimlNode => child !== null);
  return { name, attrs: raw[":@"] ?? {}, children, text };
}

/** Parses a TwiML document as Twilio does: well-formed XML with a <Response> root, or error 12100. */
export function parseTwiml(xml: string): ParsedTwiml {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, problem: `Document parse failure: ${valid.err.msg} (line ${valid.err.line})` };
  const nodes = (parser.parse(xml) as RawNode[]).map(toNode).filter((node): node is TwimlNode => node !== null);
  const root = nodes.find((node) => node.name === "Response");
  if (!root || nodes.length !== 1) return { ok: false, problem: "Document parse failure: the root element must be <Response>" };
  return { ok: true, verbs: root.children };
}

export function intAttr(node: TwimlNode, name: string, fallback: number): number {
  const value = Number.parseInt(node.attrs[name] ?? "", 10);
  return Number.isFinite(value) ? value : fallback;
}
