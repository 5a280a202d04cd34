/**
 * The one schema: every table, gathered from the domain that owns it, so
 * there is one migration history (drizzle/) and one typed client.
 */
export * from "./schema-auth";
export * from "../pages/schema";
export * from "../calltool/call-schema";
export * from "../calltool/postcode-schema";
export * from "../calltool/clip-schema";
export * from "../telephony/schema";
export * from "../telephony/simulator/schema";
export * from "../phonebank/schema";
export * from "../integrations/schema";
export * from "../stats/schema";
export * from "../feedback/schema";
