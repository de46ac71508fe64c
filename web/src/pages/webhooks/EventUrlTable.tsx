import { Fragment } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { EventType } from '../../api/types';
import { FieldError } from '../../ui/FieldError';
import type { EndpointFormValues } from './endpointFormModel';
import { TestResultPanel } from './TestResultPanel';
import type { useUrlTests } from './useUrlTests';

interface EventUrlTableProps {
  form: UseFormReturn<EndpointFormValues>;
  catalog: EventType[];
  tests: ReturnType<typeof useUrlTests>;
  onTest: (index: number) => void;
}

const rowId = (type: string) => `event-${type.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** The event catalog as rows: subscribe, the event's own URL, and a Test for it. */
export function EventUrlTable({ form, catalog, tests, onTest }: EventUrlTableProps) {
  const { register, setValue, watch, formState } = form;
  const rows = watch('events');
  const common = watch('url').trim();
  const everyEvent = watch('every_event');
  const descriptions = new Map(catalog.map((eventType) => [eventType.type, eventType.description]));

  return (
    <div className="table-card event-table-card">
      <table className="table event-table">
        <caption className="visually-hidden">Events and their URLs</caption>
        <thead>
          <tr>
            <th scope="col" className="cell-check">
              Send
            </th>
            <th scope="col">Event</th>
            <th scope="col">Own URL (optional)</th>
            <th scope="col">
              <span className="visually-hidden">Test</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const id = rowId(row.type);
            const target = row.url.trim() || common;
            const error = formState.errors.events?.[index]?.url?.message;
            const shown = tests.shownSlot === row.type ? tests.shownTest : undefined;
            return (
              <Fragment key={row.type}>
                <tr className={row.subscribed && !everyEvent ? 'is-selected' : undefined}>
                  <td className="cell-check">
                    {everyEvent ? (
                      <input id={`${id}-subscribed`} type="checkbox" checked disabled readOnly />
                    ) : (
                      <input id={`${id}-subscribed`} type="checkbox" {...register(`events.${index}.subscribed`)} />
                    )}
                  </td>
                  <th scope="row">
                    <label htmlFor={`${id}-subscribed`}>
                      <code>{row.type}</code>
                    </label>
                    <span className="event-description">{descriptions.get(row.type) ?? 'Custom event'}</span>
                  </th>
                  <td>
                    <label htmlFor={`${id}-url`} className="visually-hidden">
                      URL for {row.type}
                    </label>
                    <input
                      id={`${id}-url`}
                      type="text"
                      inputMode="url"
                      autoComplete="off"
                      spellCheck={false}
                      placeholder={common ? 'Common URL' : 'https://…'}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-url-error` : undefined}
                      {...register(`events.${index}.url`, {
                        // A URL for an event subscribes to it.
                        onChange: (event: { target: { value: string } }) => {
                          if (event.target.value.trim()) setValue(`events.${index}.subscribed`, true);
                        },
                      })}
                    />
                    <FieldError id={`${id}-url-error`} message={error} />
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Test ${row.type}`}
                      title={target ? `Send an example ${row.type} to ${target}` : 'Enter a URL to test'}
                      disabled={!target || tests.running !== null}
                      aria-busy={tests.running === row.type}
                      onClick={() => onTest(index)}
                    >
                      {tests.running === row.type ? 'Testing…' : 'Test'}
                    </button>
                  </td>
                </tr>
                {shown && (
                  <tr className="test-result-row">
                    <td colSpan={4}>
                      <TestResultPanel test={shown} onClose={tests.hide} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
