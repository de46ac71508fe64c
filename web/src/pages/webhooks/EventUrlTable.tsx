import { Fragment, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { EventType } from '../../api/types';
import { FieldError } from '../../ui/FieldError';
import type { EndpointFormValues } from './endpointFormModel';
import { eventDomain, eventGroups } from './eventGroups';
import { TestResultPanel } from './TestResultPanel';
import type { useUrlTests } from './useUrlTests';

interface EventUrlTableProps {
  form: UseFormReturn<EndpointFormValues>;
  catalog: EventType[];
  tests: ReturnType<typeof useUrlTests>;
  onTest: (index: number) => void;
}

const rowId = (type: string) => `event-${type.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** A group's select-all checkbox: checked when every row is, mixed when some are. */
function GroupCheckbox({ id, label, checked, mixed, disabled, onChange }: { id: string; label: string; checked: boolean; mixed: boolean; disabled: boolean; onChange: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return <input ref={ref} id={id} type="checkbox" aria-label={label} checked={checked} disabled={disabled} onChange={onChange} />;
}

/**
 * The event catalog grouped by domain (contact.*, message.*, …), each group
 * folded unless one of its events is in use, with a select-all per group and
 * a filter box: the form stays short and few Tab presses from Save. Each row:
 * subscribe, the event's own URL, and a Test for it.
 */
export function EventUrlTable({ form, catalog, tests, onTest }: EventUrlTableProps) {
  const { register, setValue, watch, formState } = form;
  const rows = watch('events');
  const common = watch('url').trim();
  const everyEvent = watch('every_event');
  const descriptions = new Map(catalog.map((eventType) => [eventType.type, eventType.description]));
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(rows.filter((row) => row.subscribed || row.url.trim()).map((row) => eventDomain(row.type))),
  );
  const groups = eventGroups(rows, (type) => descriptions.get(type) ?? '', filter);
  const toggle = (domain: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(domain)) next.add(domain);
      return next;
    });

  return (
    <div className="table-card event-table-card">
      <div className="field event-filter">
        <label htmlFor="event-filter">Filter events</label>
        <input
          id="event-filter"
          type="search"
          autoComplete="off"
          placeholder="bounced, contact, whatsapp…"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        {groups.length === 0 && <p className="field-hint">No event matches “{filter.trim()}”.</p>}
      </div>
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
        {groups.map((group) => {
          const inGroup = group.indexes.map((index) => rows[index]!);
          const checkedCount = inGroup.filter((row) => row.subscribed).length;
          const allChecked = everyEvent || checkedCount === inGroup.length;
          // A group opens by itself to show a test result or a field error inside it (the Save hint links to results).
          const expanded =
            filter.trim() !== '' ||
            open.has(group.domain) ||
            group.indexes.some((index) => rows[index]!.type === tests.shownSlot || formState.errors.events?.[index]);
          const bodyId = `event-group-${group.domain}`;
          return (
            <tbody key={group.domain} id={bodyId}>
              <tr className="event-group-row">
                <td className="cell-check">
                  <GroupCheckbox
                    id={`${bodyId}-all`}
                    label={`Send every ${group.domain} event${filter.trim() ? ' shown' : ''}`}
                    checked={allChecked}
                    mixed={!everyEvent && checkedCount > 0 && !allChecked}
                    disabled={everyEvent}
                    onChange={() => {
                      for (const index of group.indexes) setValue(`events.${index}.subscribed`, !allChecked, { shouldDirty: true });
                    }}
                  />
                </td>
                <th scope="rowgroup" colSpan={3}>
                  <button type="button" className="link-button" aria-expanded={expanded} onClick={() => toggle(group.domain)} disabled={filter.trim() !== ''}>
                    {expanded ? '▾' : '▸'} <code>{group.domain}.*</code> events
                  </button>{' '}
                  <span className="muted">
                    {everyEvent ? `${inGroup.length} sent` : `${checkedCount} of ${inGroup.length} checked`}
                  </span>
                </th>
              </tr>
          {expanded && group.indexes.map((index) => {
            const row = rows[index]!;
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
                      <TestResultPanel test={shown} onClose={tests.hide} takeFocus />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
