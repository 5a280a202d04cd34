// What Twilio's REST refusals mean to a member. Kept apart from errors.ts,
// which loads the Twilio SDK, so client components (the statistics tables)
// can share these words without bundling Node-only modules.

const REASONS: Record<number, string> = {
  21211: "This phone number isn't valid. Check it and try again.",
  21214: "This phone number can't be reached.",
  21215: "Calls to this country are not enabled.",
  21216: "Calls to this number are not allowed.",
  21210: "The caller ID for this campaign isn't verified, so the call couldn't be placed.",
  21212: "The caller ID for this campaign isn't valid, so the call couldn't be placed.",
  20429: "We're placing a lot of calls right now. Please try again in a minute.",
};

export function describeTwilioCode(code: number, status = 400): string {
  return REASONS[code] ?? (status >= 500 || status === 0 ? "Our phone provider isn't answering right now. Please try again in a minute." : "The call couldn't be placed.");
}
