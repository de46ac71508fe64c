import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { ApiError } from '../../api/client';
import type { Channel, Endpoint, EndpointInput, EndpointWithSecret, EventType } from '../../api/types';
import { FieldError } from '../../ui/FieldError';
import { errorMessage } from '../../ui/PageStates';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';
import { DeliverySettings } from './DeliverySettings';
import {
  endpointFormSchema,
  endpointUrls,
  fieldsWithUrl,
  formEventTypes,
  formFieldFor,
  formUrls,
  formValues,
  headerMap,
  toEndpointInput,
  type EndpointFormValues,
} from './endpointFormModel';
import { endpointName } from './endpointState';
import { EventUrlTable } from './EventUrlTable';
import { PayloadFormatField } from './PayloadFormatField';
import { PayloadPreview } from './PayloadPreview';
import { saveGate, saveGateReason } from './saveGate';
import { TestResultPanel } from './TestResultPanel';
import { useCreateEndpoint, useUpdateEndpoint } from './useEndpoints';
import { usePayloadPreview } from './usePayloadPreview';
import { useUrlTests } from './useUrlTests';

export type SavedEndpoint = { endpoint: Endpoint; secret?: undefined } | { endpoint: EndpointWithSecret; secret: string };

interface EndpointFormProps {
  catalog: EventType[];
  channels: Channel[];
  /** The endpoint being edited; a new one when absent. */
  endpoint?: Endpoint;
  onSaved: (saved: SavedEndpoint) => void;
  onCancel: () => void;
}

interface SaveProblem {
  message: string;
  /** Field messages no input matches. */
  others: string[];
}

const COMMON = 'common';

export function EndpointForm({ catalog, channels, endpoint, onSaved, onCancel }: EndpointFormProps) {
  const form = useForm<EndpointFormValues>({
    resolver: zodResolver(endpointFormSchema),
    defaultValues: formValues(catalog, endpoint),
  });
  const { register, handleSubmit, getValues, setError, setFocus, watch, formState } = form;
  const tests = useUrlTests();
  const create = useCreateEndpoint();
  const update = useUpdateEndpoint(endpoint?.id ?? '');
  const [saveProblem, setSaveProblem] = useState<SaveProblem | null>(null);
  const unsaved = useUnsavedChanges({
    dirty: formState.isDirty,
    what: endpoint ? `“${endpointName(endpoint)}”` : 'this new endpoint',
  });
  // The form replaces the list: put the keyboard where the work starts.
  useEffect(() => setFocus('url'), [setFocus]);

  const values = watch();
  const gate = saveGate({ urls: formUrls(values), lastTests: tests.lastTests, savedUrls: endpointUrls(endpoint) });
  const lockReason = saveGateReason(gate);
  const saving = create.isPending || update.isPending;
  const commonUrl = values.url.trim();
  const subscribedCount = values.events.filter((row) => row.subscribed).length;
  const preview = usePayloadPreview(values.payload_format, formEventTypes(values), catalog.map((eventType) => eventType.type));
  // In a format other than standard, the common URL's Test sends the previewed event: what you see is what is sent.
  const commonTestType = values.payload_format === 'standard' ? 'webhook.test' : preview.eventType;

  const runTest = (slot: string, url: string, eventType: string) => {
    const current = getValues();
    void tests.run(slot, {
      url,
      event_type: eventType,
      bearer_token: current.bearer_token.trim() || undefined,
      headers: headerMap(current.headers),
      payload_format: current.payload_format,
    });
  };
  const testRow = (index: number) => {
    const row = getValues(`events.${index}`);
    runTest(row.type, row.url.trim() || getValues('url').trim(), row.type);
  };

  const showSaveError = (error: unknown, sent: EndpointFormValues, body: EndpointInput) => {
    const place = (field: string, message: string) => setError(field as FieldPath<EndpointFormValues>, { message }, { shouldFocus: true });
    if (error instanceof ApiError && error.error === 'endpoint_verification_failed' && typeof error.body.url === 'string') {
      const url = error.body.url;
      tests.markFailed(url, error.message);
      for (const field of fieldsWithUrl(sent, url)) place(field, error.message);
      setSaveProblem({ message: `Nothing was saved: ${error.message}. Fix the receiver, then test ${url} again.`, others: [] });
      return;
    }
    const others: string[] = [];
    if (error instanceof ApiError) {
      for (const detail of error.fieldErrors) {
        const field = formFieldFor(detail.field, sent, body);
        if (field) place(field, detail.message);
        else others.push(detail.message);
      }
    }
    const placed = error instanceof ApiError && error.fieldErrors.length > others.length;
    setSaveProblem({
      message: placed ? 'Nothing was saved: fix the fields marked below.' : `Nothing was saved: ${errorMessage(error)}`,
      others,
    });
  };

  /** asDisabled: the receiver is not live yet, so save without its test and turned off (it sends nothing until turned on). */
  const save = (asDisabled: boolean) => handleSubmit(async (submitted) => {
    setSaveProblem(null);
    const body = { ...toEndpointInput(submitted, Boolean(endpoint)), ...(asDisabled ? { enabled: false, skip_verification: true } : {}) };
    try {
      if (endpoint) onSaved(unsaved.markSaved({ endpoint: await update.mutateAsync(body) }));
      else {
        const created = await create.mutateAsync(body);
        onSaved(unsaved.markSaved({ endpoint: created, secret: created.secret }));
      }
    } catch (error) {
      showSaveError(error, submitted, body);
    }
  });
  const onSubmit = save(false);
  const firstFailure = gate.failed[0];
  const hasUrl = gate.untested.length > 0;

  const commonShown = tests.shownSlot === COMMON ? tests.shownTest : undefined;
  const title = endpoint ? `Edit endpoint${endpoint.description ? ` “${endpoint.description}”` : ''}` : 'New endpoint';

  return (
    <form className="card form-card endpoint-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={title}>
      <h2>{title}</h2>

      <h3>Where to send</h3>
      <div className="field">
        <label htmlFor="endpoint-url">Common URL</label>
        <div className="input-with-button">
          <input
            id="endpoint-url"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://example.com/webhooks"
            aria-invalid={formState.errors.url ? true : undefined}
            aria-describedby={formState.errors.url ? 'endpoint-url-error' : 'endpoint-url-hint'}
            {...register('url')}
          />
          <button
            type="button"
            className="button"
            aria-label="Test common URL"
            disabled={!commonUrl || !commonTestType || tests.running !== null}
            aria-busy={tests.running === COMMON}
            onClick={() => commonTestType && runTest(COMMON, commonUrl, commonTestType)}
          >
            {tests.running === COMMON ? 'Testing…' : 'Test'}
          </button>
        </div>
        <p id="endpoint-url-hint" className="field-hint">
          Every checked event without its own URL goes here. Leave it empty if each event has its own URL.
          {commonTestType && commonTestType !== 'webhook.test' && ` Its Test sends the previewed event, ${commonTestType}, in the chosen payload format.`}
        </p>
        <FieldError id="endpoint-url-error" message={formState.errors.url?.message} />
      </div>
      {commonShown && <TestResultPanel test={commonShown} onClose={tests.hide} takeFocus />}

      <h3>Events</h3>
      <label className="checkbox-label">
        <input type="checkbox" {...register('every_event')} aria-describedby="events-hint" /> Send every event, including
        types added later
      </label>
      <p id="events-hint" className="field-hint">
        {values.every_event
          ? 'Every event goes to the common URL, or to its own URL where you give one.'
          : subscribedCount === 0
            ? 'Check the events to send. Give an event its own URL to send it somewhere other than the common URL.'
            : `${subscribedCount} ${subscribedCount === 1 ? 'event' : 'events'} checked. Give an event its own URL to send it somewhere other than the common URL.`}
      </p>
      <EventUrlTable form={form} catalog={catalog} tests={tests} onTest={testRow} />

      <h3>What the receiver gets</h3>
      <PayloadFormatField form={form} />
      <PayloadPreview preview={preview} />

      <h3>Delivery settings</h3>
      <DeliverySettings form={form} channels={channels} hasStoredToken={Boolean(endpoint?.has_bearer_token)} />

      <p className="visually-hidden" role="status" aria-live="polite">
        {tests.shownTest && `Test of ${tests.shownTest.url} ${tests.shownTest.ok ? 'passed' : 'failed'}.`}
      </p>
      {saveProblem && (
        <div className="form-error" role="alert">
          <p>{saveProblem.message}</p>
          {saveProblem.others.length > 0 && (
            <ul>
              {saveProblem.others.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={!gate.canSave || saving}
          aria-busy={saving}
          aria-describedby="save-gate"
        >
          {saving ? 'Saving…' : endpoint ? 'Save changes' : 'Save endpoint'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        <p id="save-gate" className={lockReason ? 'save-lock' : 'field-hint'} aria-live="polite">
          {lockReason ??
            (saving
              ? 'The hub sends a webhook.test to each new or changed URL before it saves.'
              : 'Every new or changed URL has passed its test.')}
          {firstFailure && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => tests.show(firstFailure.url)}>
                See the result
              </button>
            </>
          )}
        </p>
      </div>
      {!gate.canSave && hasUrl && (
        <div className="save-disabled">
          <p id="save-disabled-hint" className="field-hint">
            Receiver not live yet? Save the endpoint turned off: nothing is sent to it until you test it and turn it on.
          </p>
          <button
            type="button"
            className="button"
            disabled={saving}
            aria-describedby="save-disabled-hint"
            onClick={() => void save(true)()}
          >
            Save as disabled
          </button>
        </div>
      )}
    </form>
  );
}
