// Analytics days are UTC calendar days, stored as "YYYY-MM-DD" (sorts and compares as text on both dialects).
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The day `n` days before `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  const at = new Date(`${day}T00:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() + n);
  return dayOf(at);
}
