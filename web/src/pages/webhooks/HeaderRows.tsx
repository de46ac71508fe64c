import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { FieldError } from '../../ui/FieldError';
import type { EndpointFormValues } from './endpointFormModel';

/** Custom headers as name/value rows, sent with every request to the endpoint. */
export function HeaderRows({ form }: { form: UseFormReturn<EndpointFormValues> }) {
  const { control, register, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: 'headers' });
  const listError = formState.errors.headers?.root?.message ?? formState.errors.headers?.message;

  return (
    <fieldset className="fieldset">
      <legend>Custom headers</legend>
      <p className="field-hint">Sent with every request, e.g. an API key your receiver expects.</p>
      {fields.length > 0 && (
        <ul className="header-rows">
          {fields.map((field, index) => {
            const nameError = formState.errors.headers?.[index]?.name?.message;
            const valueError = formState.errors.headers?.[index]?.value?.message;
            return (
              <li key={field.id} className="header-row">
                <div className="field">
                  <label htmlFor={`header-${index}-name`}>Header {index + 1} name</label>
                  <input
                    id={`header-${index}-name`}
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="X-Env"
                    aria-invalid={nameError ? true : undefined}
                    aria-describedby={nameError ? `header-${index}-name-error` : undefined}
                    {...register(`headers.${index}.name`)}
                  />
                  <FieldError id={`header-${index}-name-error`} message={nameError} />
                </div>
                <div className="field">
                  <label htmlFor={`header-${index}-value`}>Header {index + 1} value</label>
                  <input
                    id={`header-${index}-value`}
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="production"
                    aria-invalid={valueError ? true : undefined}
                    aria-describedby={valueError ? `header-${index}-value-error` : undefined}
                    {...register(`headers.${index}.value`)}
                  />
                  <FieldError id={`header-${index}-value-error`} message={valueError} />
                </div>
                <button
                  type="button"
                  className="button button-small button-danger-ghost header-remove"
                  aria-label={`Remove header ${index + 1}`}
                  onClick={() => remove(index)}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <FieldError id="headers-error" message={listError} />
      <button
        type="button"
        className="button button-small"
        onClick={() => append({ name: '', value: '' })}
        disabled={fields.length >= 20}
      >
        Add header
      </button>
    </fieldset>
  );
}
