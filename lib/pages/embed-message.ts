/** The postMessage type the embedded page sends its height in, and /embed.js listens for. */
export const EMBED_MESSAGE = "patchthrough:height";
