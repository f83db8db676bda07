// Turns a date string from metadata into YYYY-MM-DD, or null when it is not a date.
export function isoDate(s: string): string | null {
  const t = s.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? `${m[1]}-${m[2]}-${m[3]}` : null;
  }
  if (/^\d{8}$/.test(t)) return isoDate(`${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`);
  if (!/[a-z]{3}|\d{1,2}\/\d{1,2}\/\d{2,4}/i.test(t)) return null;
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}
