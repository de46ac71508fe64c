import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldError } from './FieldError';

type Part = 'name' | 'value';

interface KeyValueRowsProps {
  legend: string;
  hint?: ReactNode;
  /** Prefix of the input ids: `${idPrefix}-${index}-name`. */
  idPrefix: string;
  /** What one row is called in labels: "Header" gives "Header 1 name". */
  rowLabel: string;
  /** `useFieldArray`'s fields: one per row, with a stable id. */
  rows: { id: string }[];
  register: (index: number, part: Part) => UseFormRegisterReturn;
  errorFor: (index: number, part: Part) => string | undefined;
  /** Shown under the rows: a problem with the list as a whole. */
  listError?: string;
  placeholders?: { name?: string; value?: string; valueFor?: (index: number) => string | undefined };
  onAdd: () => void;
  onRemove: (index: number) => void;
  max?: number;
  addLabel: string;
}

/** Name/value rows (headers, custom fields) with Add and Remove; each input labelled. */
export function KeyValueRows({
  legend,
  hint,
  idPrefix,
  rowLabel,
  rows,
  register,
  errorFor,
  listError,
  placeholders,
  onAdd,
  onRemove,
  max = 100,
  addLabel,
}: KeyValueRowsProps) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {rows.length > 0 && (
        <ul className="header-rows">
          {rows.map((row, index) => (
            <li key={row.id} className="header-row">
              {(['name', 'value'] as const).map((part) => {
                const id = `${idPrefix}-${index}-${part}`;
                const error = errorFor(index, part);
                const placeholder =
                  part === 'name' ? placeholders?.name : (placeholders?.valueFor?.(index) ?? placeholders?.value);
                return (
                  <div className="field" key={part}>
                    <label htmlFor={id}>
                      {rowLabel} {index + 1} {part}
                    </label>
                    <input
                      id={id}
                      type="text"
                      autoComplete="off"
                      spellCheck={false}
                      placeholder={placeholder}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      {...register(index, part)}
                    />
                    <FieldError id={`${id}-error`} message={error} />
                  </div>
                );
              })}
              <button
                type="button"
                className="button button-small button-danger-ghost header-remove"
                aria-label={`Remove ${rowLabel.toLowerCase()} ${index + 1}`}
                onClick={() => onRemove(index)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldError id={`${idPrefix}-error`} message={listError} />
      <button type="button" className="button button-small" onClick={onAdd} disabled={rows.length >= max}>
        {addLabel}
      </button>
    </fieldset>
  );
}
