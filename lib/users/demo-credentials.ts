/** The embedded setup's first account. Printed at start-up and in the README; it exists only on an empty embedded database. */
export const DEMO_ADMIN = { email: "admin@example.com", password: "patchthrough-demo", name: "Demo admin" } as const;
