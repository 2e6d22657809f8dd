// How results read on the page and in the compact lines: percentages with one decimal, lifts signed.
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)} %`;
}

export function formatLift(lift: number): string {
  return `${lift >= 0 ? "+" : "−"}${Math.abs(Math.round(lift * 100))} %`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}
