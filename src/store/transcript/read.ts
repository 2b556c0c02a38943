// Defensive readers for untrusted RTVI payloads: every field may be missing or of the
// wrong type, so each reader returns a typed value or undefined and never throws.

export type Fields = Readonly<Record<string, unknown>>;

export function asFields(value: unknown): Fields | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

export function str(fields: Fields | undefined, key: string): string | undefined {
  const v = fields?.[key];
  return typeof v === "string" ? v : undefined;
}

/** A segment id may be a number or a string on the wire; anything else is not an id. */
export function idOf(fields: Fields | undefined, key: string): string | undefined {
  const v = fields?.[key];
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string" && v !== "") return v;
  return undefined;
}
