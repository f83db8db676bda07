// The filter form: each field is one of the API's filters; applying it rewrites the URL's query, which the page then reads.
import { PLOVER_TYPES, ROOTS } from "./cameo.js";
import { COUNTRIES } from "./countries.js";
import { h } from "./dom.js";
import type { Filters, FilterKey } from "./url-state.js";

const input = (name: FilterKey, label: string, value: string | undefined, attrs: Record<string, string> = {}) =>
  h("label", { class: `f f-${name}` }, h("span", null, label), h("input", { name, value: value ?? "", ...attrs }));

function select(name: FilterKey, label: string, value: string | undefined, options: Array<[string, string]>): HTMLElement {
  const s = h("select", { name }, h("option", { value: "" }, "any"));
  for (const [v, text] of options) s.appendChild(h("option", { value: v }, text));
  // a value the list lacks (typed into the URL) still shows, so the form says what the view is
  if (value && !options.some(([v]) => v === value)) s.appendChild(h("option", { value }, value));
  s.value = value ?? "";
  return h("label", { class: `f f-${name}` }, h("span", null, label), s);
}

export interface FilterFormHooks {
  apply(f: Filters): void;
  /** The map's view as lat,lon,km, for the near field. */
  mapView(): string;
}

export function filterForm(f: Filters, hooks: FilterFormHooks): HTMLFormElement {
  const near = input("near", "Near (lat,lon,km)", f.near, { placeholder: "-1.68,29.23,50", pattern: "^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?,\\d+(\\.\\d+)?$", inputmode: "decimal" });
  const useMap = h("button", { type: "button", class: "small", title: "The map's centre and the radius it shows" }, "map view");
  useMap.addEventListener("click", () => {
    (near.querySelector("input") as HTMLInputElement).value = hooks.mapView();
  });
  near.appendChild(useMap);
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Event filters" },
    input("since", "Since", f.since, { type: "date" }),
    input("until", "Until", f.until, { type: "date" }),
    select("country", "Country", f.country, COUNTRIES.map(([a3, name]) => [a3, `${name} (${a3})`])),
    input("actor", "Actor", f.actor, { placeholder: "CODREB, IRN*", autocapitalize: "characters" }),
    select("root", "CAMEO root", f.root, ROOTS.map(([c, n]) => [c, `${c} ${n.toLowerCase()}`])),
    input("code", "CAMEO code", f.code, { placeholder: "190,1823", inputmode: "numeric" }),
    select("plover", "PLOVER type", f.plover, PLOVER_TYPES.map((t) => [t, t])),
    input("text", "Text", f.text, { type: "search", placeholder: "words in the sentence" }),
    near,
    h("div", { class: "buttons" }, h("button", { type: "submit" }, "Apply"), h("button", { type: "reset", class: "secondary" }, "Clear")),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const out: Filters = {};
    for (const [k, v] of data) if (typeof v === "string" && v.trim()) out[k as FilterKey] = v.trim();
    hooks.apply(out);
  });
  form.addEventListener("reset", (ev) => {
    ev.preventDefault();
    hooks.apply({});
  });
  return form;
}
