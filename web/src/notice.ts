// How a page says that something failed: the API's message as text, or that the token is needed.
import { ApiProblem } from "./api.js";
import { h } from "./dom.js";

export function problemNote(e: unknown): HTMLElement {
  if (e instanceof ApiProblem) {
    if (e.status === 401) return h("p", { class: "error auth" }, "This server needs an API token to read: paste one above.");
    return h("p", { class: "error" }, `${e.message} (${e.code})`);
  }
  return h("p", { class: "error" }, `Could not load: ${e instanceof Error ? e.message : String(e)}`);
}
