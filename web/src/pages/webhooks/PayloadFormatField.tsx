import type { UseFormReturn } from 'react-hook-form';
import { FieldError } from '../../ui/FieldError';
import type { EndpointFormValues } from './endpointFormModel';
import { formatName, PAYLOAD_FORMAT_VALUES, PAYLOAD_FORMATS } from './payloadFormats';

/** The body shape select, with what the chosen shape is in one line. */
export function PayloadFormatField({ form }: { form: UseFormReturn<EndpointFormValues> }) {
  const { register, watch, formState } = form;
  const error = formState.errors.payload_format?.message;
  const chosen = PAYLOAD_FORMATS[watch('payload_format')];

  return (
    <div className="field">
      <label htmlFor="endpoint-payload-format">Payload format</label>
      <select
        id="endpoint-payload-format"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'endpoint-payload-format-error' : 'endpoint-payload-format-hint'}
        {...register('payload_format')}
      >
        {PAYLOAD_FORMAT_VALUES.map((format) => (
          <option key={format} value={format}>
            {formatName(format)}
          </option>
        ))}
      </select>
      <p id="endpoint-payload-format-hint" className="field-hint">
        {chosen?.description} Events the format cannot express arrive in the standard shape; the{' '}
        <code>webhook-format</code> header always names the shape of the body.
      </p>
      <FieldError id="endpoint-payload-format-error" message={error} />
    </div>
  );
}
