/** The value in force at a date: the last entry whose `from` is on or before it; null before the first. */
export function valueAt<T extends { from: string }>(entries: readonly T[], asOf: string): T | null {
  let found: T | null = null;
  for (const e of entries) {
    if (e.from <= asOf) found = e;
    // Stryker disable next-line all: equivalent — the rules schema keeps entries in strictly ascending order, so no later entry can be in force; stopping only saves time
    else break;
  }
  return found;
}
