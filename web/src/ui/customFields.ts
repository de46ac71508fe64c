/**
 * Custom fields (a contact's, or what an update_contact step sets) as name/value
 * rows of text. Each row remembers the kind of value it was loaded with, so a
 * number stays a number and a boolean a boolean when saved unchanged in form.
 */
export type FieldKind = 'text' | 'number' | 'boolean' | 'json' | 'null';

export interface CustomFieldRow {
  name: string;
  value: string;
  kind: FieldKind;
}

function kindOf(value: unknown): FieldKind {
  if (value === null) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'text';
  return 'json';
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function customFieldRows(record: Record<string, unknown> | null | undefined): CustomFieldRow[] {
  return Object.entries(record ?? {}).map(([name, value]) => ({ name, value: asText(value), kind: kindOf(value) }));
}

/** A row's value as the API should get it: its original kind when the text still reads as one, else the text. */
export function customFieldValue(row: Pick<CustomFieldRow, 'value' | 'kind'>): unknown {
  const text = row.value;
  switch (row.kind) {
    case 'number': {
      const n = Number(text.trim());
      return text.trim() !== '' && Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return text.trim() === 'true' ? true : text.trim() === 'false' ? false : text;
    case 'null':
      return text === '' ? null : text;
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    default:
      return text;
  }
}

/** The rows as an object; rows without a name are left out. */
export function customFieldRecord(rows: CustomFieldRow[]): Record<string, unknown> {
  return Object.fromEntries(rows.filter((row) => row.name.trim()).map((row) => [row.name.trim(), customFieldValue(row)]));
}

export interface RowProblem {
  index: number;
  part: 'name' | 'value';
  message: string;
}

/** A name missing where a value is typed, names over 100 characters, a name listed twice. */
export function customFieldProblems(rows: CustomFieldRow[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (!name) {
      if (row.value) problems.push({ index, part: 'name', message: 'Name this field, or remove the row' });
      return;
    }
    if (name.length > 100) problems.push({ index, part: 'name', message: 'Field names are at most 100 characters' });
    else if (seen.has(name)) problems.push({ index, part: 'name', message: `${name} is listed twice` });
    seen.add(name);
  });
  return problems;
}
