// The field for an API read token, shown when the server needs one (or one is set): kept in sessionStorage, sent as Authorization: Bearer.
import { AUTH_NEEDED, token } from "./api.js";
import { h, replace } from "./dom.js";

export function startTokenForm(el: HTMLElement, rerender: () => void): void {
  const draw = (why: string | null) => {
    if (!why && !token.get()) return replace(el);
    if (token.get() && !why) {
      const forget = h("button", { type: "button", class: "small secondary" }, "Forget token");
      forget.addEventListener("click", () => {
        token.clear();
        draw(null);
        rerender();
      });
      return replace(el, h("div", { class: "token set" }, "Using the API token given in this tab. ", forget));
    }
    const input = h("input", { type: "password", name: "token", autocomplete: "off", placeholder: "sitrep_…", required: true, "aria-label": "API token" });
    const form = h("form", { class: "token" }, h("label", null, h("span", null, why ?? "API token"), input), h("button", { type: "submit" }, "Use token"));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      token.set(input.value);
      draw(null);
      rerender();
    });
    replace(el, form);
  };
  window.addEventListener(AUTH_NEEDED, (ev) => {
    const msg = (ev as CustomEvent<string>).detail;
    if (token.get()) token.clear();
    draw(`This server needs a read token (${msg}). Paste it here; it is kept for this tab only.`);
  });
  draw(null);
}
