import type { NumberRoute, NumberRouting } from "@/lib/phone-numbers/routing";

type Props = {
  routing: NumberRouting | { kind: "unknown"; problem: string };
  /** The route this feature needs the number on. */
  route: NumberRoute;
  /** "the phone bank", "this call tool". */
  feature: string;
  /** Who dials it: "volunteers", "members". */
  callers: string;
};

/** Where a feature's inbound number points, as Twilio says: connected, elsewhere, or nowhere. */
export function RoutingStatus({ routing, route, feature, callers }: Props) {
  const ok = routing.kind === "route" && routing.route === route;
  const text =
    routing.kind === "route"
      ? ok
        ? `Connected: calls to this number reach ${feature}.`
        : `Points at this app's ${routing.label}, not ${feature}.`
      : routing.kind === "elsewhere"
        ? `Points elsewhere: ${routing.voiceUrl}`
        : routing.kind === "none"
          ? "Not connected: calls to this number go nowhere yet."
          : routing.kind === "not-on-account"
            ? `This number isn't on the Twilio account, so ${callers} can't dial it.`
            : `Couldn't ask Twilio: ${routing.problem}`;
  return (
    <p className={`text-sm ${ok ? "text-green-800" : "text-amber-800"}`} data-testid="inbound-routing">
      {text}
    </p>
  );
}
