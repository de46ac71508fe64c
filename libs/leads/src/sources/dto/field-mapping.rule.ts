import { ValidateBy, ValidationOptions } from 'class-validator';

const MAX_ENTRIES = 100;
const MAX_NAME = 200;

function problemOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object of provider field name → contact field or custom field name';
  const entries = Object.entries(value);
  if (entries.length > MAX_ENTRIES) return `must map at most ${MAX_ENTRIES} fields`;
  for (const [name, target] of entries) {
    if (name.length === 0 || name.length > MAX_NAME) return `keys must be 1–${MAX_NAME} characters`;
    if (typeof target !== 'string' || target.trim().length === 0 || target.length > MAX_NAME) return `.${name} must be a field name of 1–${MAX_NAME} characters`;
  }
  return null;
}

/** A lead source's field mapping: `{ "<provider field>": "email" | "phone" | "first_name" | "last_name" | "full_name" | "<custom field>" }`. */
export function IsFieldMapping(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isFieldMapping',
      validator: {
        validate: (value: unknown) => problemOf(value) === null,
        defaultMessage: (args) => {
          const problem = problemOf(args?.value) ?? '';
          return `${args?.property ?? 'field_mapping'}${problem.startsWith('.') ? problem : ` ${problem}`}`;
        },
      },
    },
    options,
  );
}
