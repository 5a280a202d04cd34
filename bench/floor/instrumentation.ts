// The floor app does nothing at start-up (this file keeps Next.js from taking the app's).
export function register(): void {}
