// Calendar days as YYYY-MM-DD strings (UTC): adding, counting, and listing them.
const DAY_MS = 86_400_000;

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(date.slice(0, 10) + "T00:00:00Z") + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b.slice(0, 10) + "T00:00:00Z") - Date.parse(a.slice(0, 10) + "T00:00:00Z")) / DAY_MS);
}

/** Every day from `from` to `to`, both included. */
export function dayRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** The day of `date`'s month and day in another year (29 February falls on 28 February in other years). */
export function sameDayIn(date: string, year: number): string {
  const md = date.slice(5, 10);
  return `${year}-${md === "02-29" && !leap(year) ? "02-28" : md}`;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
