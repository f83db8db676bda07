// Countries by ISO code and name (built in from world-countries): the country filter and the map's clickable countries.
import rows from "virtual:countries";

/** ISO alpha-3 → name */
export const COUNTRY_NAMES = new Map(rows.map(([, a3, name]) => [a3, name]));

/** The map's ISO numeric ids → alpha-3. */
export const ALPHA3_OF_NUMERIC = new Map(rows.filter(([n]) => n).map(([n, a3]) => [n, a3]));

/** [alpha-3, name], sorted by name. */
export const COUNTRIES: Array<[string, string]> = rows.map(([, a3, name]) => [a3, name]);

export const countryName = (a3: string | null | undefined) => (a3 ? (COUNTRY_NAMES.get(a3) ?? a3) : "");
