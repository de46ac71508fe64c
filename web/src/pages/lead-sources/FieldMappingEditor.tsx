import { useFieldArray, useFormContext } from 'react-hook-form';
import type { LeadSource } from '../../api/types';
import { FieldError } from '../../ui/FieldError';
import { mappingToRows, TARGET_LABELS, type LeadSourceValues, type MappingTarget } from './leadSourceFormModel';

const TARGETS = Object.keys(TARGET_LABELS) as MappingTarget[];
const MAX_ROWS = 100;

/** The mapping in force, in words: "email → Email". */
function MappingInForce({ mapping }: { mapping: Record<string, string> }) {
  return (
    <ul className="plain-list">
      {mappingToRows(mapping).map((row) => (
        <li key={row.field}>
          <code>{row.field}</code> → {row.target === 'custom' ? `custom field “${row.custom}”` : TARGET_LABELS[row.target]}
        </li>
      ))}
    </ul>
  );
}

/** Which answer of the provider's form fills which contact field; "use the defaults" or rows of field → target. */
export function FieldMappingEditor({ source }: { source?: LeadSource }) {
  const { control, register, watch, formState } = useFormContext<LeadSourceValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'mapping' });
  const useDefaults = watch('use_default_mapping');
  const provider = watch('provider');
  const rows = watch('mapping');
  const errors = formState.errors.mapping;
  const listError = errors?.message ?? errors?.root?.message;

  return (
    <fieldset className="fieldset">
      <legend>Field mapping</legend>
      <p className="field-hint">
        Which answer of the {provider === 'meta' ? 'Meta' : 'Google'} lead form fills which contact field. Answers it does
        not name are kept on the contact as custom fields under their own names, so nothing is lost.
      </p>
      <label className="checkbox-label">
        <input type="checkbox" {...register('use_default_mapping')} /> Use the defaults (the form’s standard email, phone
        and name questions)
      </label>
      {useDefaults ? (
        source?.default_field_mapping && <MappingInForce mapping={source.field_mapping} />
      ) : (
        <>
          <ul className="header-rows">
            {fields.map((row, index) => {
              const rowErrors = errors?.[index];
              const target = rows[index]?.target;
              return (
                <li key={row.id} className="header-row">
                  <div className="field">
                    <label htmlFor={`mapping-${index}-field`}>Form field {index + 1}</label>
                    <input
                      id={`mapping-${index}-field`}
                      type="text"
                      autoComplete="off"
                      spellCheck={false}
                      placeholder={provider === 'meta' ? 'e.g. phone_number' : 'e.g. PHONE_NUMBER'}
                      aria-invalid={rowErrors?.field ? true : undefined}
                      aria-describedby={rowErrors?.field ? `mapping-${index}-field-error` : undefined}
                      {...register(`mapping.${index}.field`)}
                    />
                    <FieldError id={`mapping-${index}-field-error`} message={rowErrors?.field?.message} />
                  </div>
                  <div className="field">
                    <label htmlFor={`mapping-${index}-target`}>Fills {index + 1}</label>
                    <select id={`mapping-${index}-target`} {...register(`mapping.${index}.target`)}>
                      {TARGETS.map((t) => (
                        <option key={t} value={t}>
                          {TARGET_LABELS[t]}
                        </option>
                      ))}
                    </select>
                  </div>
                  {target === 'custom' && (
                    <div className="field">
                      <label htmlFor={`mapping-${index}-custom`}>Custom field {index + 1}</label>
                      <input
                        id={`mapping-${index}-custom`}
                        type="text"
                        autoComplete="off"
                        placeholder="e.g. city"
                        aria-invalid={rowErrors?.custom ? true : undefined}
                        aria-describedby={rowErrors?.custom ? `mapping-${index}-custom-error` : undefined}
                        {...register(`mapping.${index}.custom`)}
                      />
                      <FieldError id={`mapping-${index}-custom-error`} message={rowErrors?.custom?.message} />
                    </div>
                  )}
                  <button
                    type="button"
                    className="button button-small button-danger-ghost header-remove"
                    aria-label={`Remove form field ${index + 1}`}
                    onClick={() => remove(index)}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
          <FieldError id="mapping-error" message={listError} />
          <button type="button" className="button button-small" onClick={() => append({ field: '', target: 'email', custom: '' })} disabled={fields.length >= MAX_ROWS}>
            Add field
          </button>
        </>
      )}
    </fieldset>
  );
}
