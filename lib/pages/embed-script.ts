import { EMBED_MESSAGE } from "./embed-message";

/**
 * The script partners paste instead of a fixed-height <iframe>:
 *
 *   <script src="https://calls.example.org/embed.js" data-call-tool="<plugin id>" async></script>
 *
 * It puts the iframe of /embed/<id> where the <script> tag is, and sets the
 * frame's height to what the embedded page reports (app/embed/[pluginId]/
 * embed-height.tsx). The app's origin is the script's own: a message counts
 * only when it comes from that origin and from this very frame, so another
 * frame on the partner's page can't resize it. Plain ES5, no dependencies:
 * it runs on whatever site pastes it.
 */

export const EMBED_SCRIPT = `(function () {
  var script = document.currentScript;
  if (!script || !script.src || !script.parentNode) return;
  var id = script.getAttribute("data-call-tool") || "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    if (window.console) console.error("Patchthrough: data-call-tool must be a call tool's id, as in the editor's snippet.");
    return;
  }
  var origin = new URL(script.src, location.href).origin;
  var frame = document.createElement("iframe");
  frame.src = origin + "/embed/" + id;
  frame.title = script.getAttribute("data-title") || "Call your representative";
  frame.style.cssText = "display:block;width:100%;border:0;height:640px";
  script.parentNode.insertBefore(frame, script);
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== "${EMBED_MESSAGE}" || typeof data.height !== "number" || !(data.height > 0)) return;
    frame.style.height = Math.min(Math.ceil(data.height), 20000) + "px";
  });
})();
`;

/** The snippet the editor shows, next to the plain <iframe> one. */
export function embedScriptSnippet(publicUrl: string, pluginId: string, title: string): string {
  const attribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<script src="${attribute(`${publicUrl.replace(/\/$/, "")}/embed.js`)}" data-call-tool="${pluginId}" data-title="${attribute(title)}" async></script>`;
}
