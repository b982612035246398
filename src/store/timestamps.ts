// A timestamp as the database driver gives it back (PGlite and node-postgres: a Date; some
// expressions: text) written as ISO 8601 UTC, the one form the rest of Tidings uses.

export function toIso(value: Date | string): string;
export function toIso(value: Date | string | null): string | null;
export function toIso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
