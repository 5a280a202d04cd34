import { EmbedHeight } from "./embed-height";

/** Every embedded page (the tool, its live twin, a call's status) reports its height to the partner's frame. */
export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return <EmbedHeight>{children}</EmbedHeight>;
}
