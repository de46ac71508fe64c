import type { UseFormReturn } from 'react-hook-form';
import type { Channel } from '../../api/types';
import { FieldError } from '../../ui/FieldError';
import type { EndpointFormValues } from './endpointFormModel';
import { HeaderRows } from './HeaderRows';

interface DeliverySettingsProps {
  form: UseFormReturn<EndpointFormValues>;
  channels: Channel[];
  /** Editing an endpoint that has a bearer token stored. */
  hasStoredToken: boolean;
}

/** Scope, authentication, headers, timeout and description of an endpoint. */
export function DeliverySettings({ form, channels, hasStoredToken }: DeliverySettingsProps) {
  const { register, formState, watch } = form;
  const { errors } = formState;
  const clearing = watch('clear_bearer_token');

  return (
    <>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="endpoint-scope">Scope</label>
          <select
            id="endpoint-scope"
            aria-describedby={errors.scope ? 'endpoint-scope-error' : 'endpoint-scope-hint'}
            aria-invalid={errors.scope ? true : undefined}
            {...register('scope')}
          >
            <option value="">General: events of every channel</option>
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                Only {channel.name} ({channel.type})
              </option>
            ))}
          </select>
          <p id="endpoint-scope-hint" className="field-hint">
            {channels.length === 0
              ? 'No channels yet: the endpoint gets events of the whole account.'
              : 'A channel endpoint gets only that channel’s events.'}
          </p>
          <FieldError id="endpoint-scope-error" message={errors.scope?.message} />
        </div>
        <div className="field">
          <label htmlFor="endpoint-timeout">Timeout (seconds)</label>
          <input
            id="endpoint-timeout"
            type="text"
            inputMode="numeric"
            placeholder="Hub default"
            aria-invalid={errors.timeout_seconds ? true : undefined}
            aria-describedby={errors.timeout_seconds ? 'endpoint-timeout-error' : 'endpoint-timeout-hint'}
            {...register('timeout_seconds')}
          />
          <p id="endpoint-timeout-hint" className="field-hint">
            1–30 s. A slower answer counts as a failure and is retried.
          </p>
          <FieldError id="endpoint-timeout-error" message={errors.timeout_seconds?.message} />
        </div>
      </div>

      <div className="field">
        <label htmlFor="endpoint-bearer">Bearer token</label>
        <input
          id="endpoint-bearer"
          type="password"
          autoComplete="new-password"
          placeholder={hasStoredToken ? 'Stored: type a new one to replace it' : 'Optional'}
          disabled={clearing}
          aria-invalid={errors.bearer_token ? true : undefined}
          aria-describedby={errors.bearer_token ? 'endpoint-bearer-error' : 'endpoint-bearer-hint'}
          {...register('bearer_token')}
        />
        <p id="endpoint-bearer-hint" className="field-hint">
          Sent as <code>Authorization: Bearer …</code>. Write-only: the hub stores it encrypted and never shows it again.
        </p>
        <FieldError id="endpoint-bearer-error" message={errors.bearer_token?.message} />
        {hasStoredToken && (
          <label className="checkbox-label">
            <input type="checkbox" {...register('clear_bearer_token')} /> Remove the stored token
          </label>
        )}
      </div>

      <HeaderRows form={form} />

      <div className="field">
        <label htmlFor="endpoint-description">Description</label>
        <input
          id="endpoint-description"
          type="text"
          placeholder="e.g. CRM sync"
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? 'endpoint-description-error' : undefined}
          {...register('description')}
        />
        <FieldError id="endpoint-description-error" message={errors.description?.message} />
      </div>
    </>
  );
}
