/** An event type's domain: the part before its first dot (`contact` of `contact.created`). */
export function eventDomain(type: string): string {
  const dot = type.indexOf('.');
  return dot > 0 ? type.slice(0, dot) : type;
}

export interface EventGroup {
  domain: string;
  /** Indexes into the form's event rows, in catalog order; only the rows the filter keeps. */
  indexes: number[];
}

/**
 * The event rows grouped by domain, in the order each domain first appears,
 * keeping only rows whose type or description contains the filter (any case).
 * Groups the filter empties are left out.
 */
export function eventGroups(rows: readonly { type: string }[], describe: (type: string) => string, filter: string): EventGroup[] {
  const needle = filter.trim().toLowerCase();
  const groups = new Map<string, number[]>();
  rows.forEach((row, index) => {
    const domain = eventDomain(row.type);
    if (!groups.has(domain)) groups.set(domain, []);
    if (needle && !`${row.type} ${describe(row.type)}`.toLowerCase().includes(needle)) return;
    groups.get(domain)!.push(index);
  });
  return [...groups].filter(([, indexes]) => indexes.length > 0).map(([domain, indexes]) => ({ domain, indexes }));
}
