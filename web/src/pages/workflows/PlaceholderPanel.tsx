const CONTACT = [
  ['email', 'Email address'],
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['phone', 'Phone (E.164)'],
  ['contact_id', 'The contact’s id in the hub'],
] as const;

const STANDARD = new Set<string>([...CONTACT.map(([key]) => key), 'whatsapp']);

interface PlaceholderPanelProps {
  /** Whether an email step is in the workflow: then `{{ link_unsubscribe }}` applies. */
  hasEmail: boolean;
  /** Variable names seen in recent runs: custom fields and trigger payload keys. */
  seenKeys: string[];
}

const tag = (key: string) => `{{ ${key} }}`;

/** What a step's template can use: contact fields, custom fields and payload keys, the unsubscribe link. */
export function PlaceholderPanel({ hasEmail, seenKeys }: PlaceholderPanelProps) {
  const extra = seenKeys.filter((key) => !STANDARD.has(key)).sort();
  return (
    <aside className="card placeholder-panel" aria-labelledby="placeholders-heading">
      <h3 id="placeholders-heading">Placeholders</h3>
      <p className="field-hint">
        Type these into subjects, messages, URLs, bodies and header values. Each is replaced by the contact’s value when
        the step runs.
      </p>
      <dl className="placeholder-list">
        {CONTACT.map(([key, label]) => (
          <div key={key}>
            <dt>
              <code>{tag(key)}</code>
            </dt>
            <dd>{label}</dd>
          </div>
        ))}
        <div>
          <dt>
            <code>{tag('link_unsubscribe')}</code>
          </dt>
          <dd>{hasEmail ? 'Unsubscribe link (email steps only)' : 'Unsubscribe link, in email steps'}</dd>
        </div>
      </dl>
      <h4>Custom fields and trigger payload</h4>
      <p className="field-hint">
        Every other key of the JSON sent to the trigger URL, and each custom field of the contact, by its name:{' '}
        <code>{tag('plan')}</code> for <code>"plan": "pro"</code>.
      </p>
      {extra.length > 0 ? (
        <>
          <p className="field-hint">Seen in recent runs of this workflow:</p>
          <ul className="badges" aria-label="Keys seen in recent runs">
            {extra.map((key) => (
              <li key={key}>
                <code className="badge">{tag(key)}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="field-hint">Keys from real runs show up here once the trigger URL has been called.</p>
      )}
      <h4 className="placeholder-filters">Filters</h4>
      <p className="field-hint">
        Placeholders are Liquid, a small template language: a filter after <code>|</code> changes the value, e.g. <code>{'{{ first_name | capitalize }}'}</code>, <code>{'{{ plan | default: "free" }}'}</code>.
      </p>
    </aside>
  );
}
