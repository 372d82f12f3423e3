/** CEN areas as the API takes them; responses use lower case, users may write either. */
export const CEN_AREAS = [
  'China',
  'North-America',
  'Asia-Pacific',
  'Europe',
  'Australia',
  'Middle-East',
] as const;

const BY_LOWER = new Map<string, string>(CEN_AREAS.map((a) => [a.toLowerCase(), a]));

/** Rewrites `areas` values to title case in place, before schema validation. */
export function normaliseAreas(data: unknown): void {
  const list = (data as { cenBandwidth?: unknown } | null)?.cenBandwidth;
  if (!Array.isArray(list)) return;
  for (const item of list) {
    const areas = (item as { areas?: unknown } | null)?.areas;
    if (!Array.isArray(areas)) continue;
    for (let i = 0; i < areas.length; i++) {
      const value = areas[i];
      if (typeof value === 'string') areas[i] = BY_LOWER.get(value.toLowerCase()) ?? value;
    }
  }
}
