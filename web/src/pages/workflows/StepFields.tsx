import type { ReactNode } from 'react';
import { get, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Link } from 'react-router';
import type { Channel, Group } from '../../api/types';
import { FieldError } from '../../ui/FieldError';
import { FormField, type InputAria } from '../../ui/FormField';
import { KeyValueRows } from '../../ui/KeyValueRows';
import { WAIT_UNITS } from './waitDuration';
import type { WorkflowFormValues } from './workflowFormModel';

export interface StepFieldsProps {
  form: UseFormReturn<WorkflowFormValues>;
  index: number;
  channels: Channel[];
  groups: Group[];
  /** Fetch channels and groups again (after adding one in another tab). */
  onReloadOptions: () => void;
}

/** One labelled input of step `index`: its label, hint and error, wired to the input by id. */
function Field({
  form,
  index,
  name,
  label,
  hint,
  children,
}: {
  form: UseFormReturn<WorkflowFormValues>;
  index: number;
  name: string;
  label: string;
  hint?: ReactNode;
  children: (aria: InputAria) => ReactNode;
}) {
  const error = (get(form.formState.errors, `steps.${index}.${name}`) as { message?: string } | undefined)?.message;
  return (
    <FormField id={`step-${index}-${name.replace(/_/g, '-')}`} label={label} hint={hint} error={error}>
      {children}
    </FormField>
  );
}

const CHANNEL_TYPE = { send_email: 'email', send_whatsapp: 'whatsapp', send_sms: 'sms' } as const;
const CHANNEL_NAMES = { email: 'email', whatsapp: 'WhatsApp', sms: 'SMS' } as const;
const CHANNEL_LABELS = { email: 'Email channel', whatsapp: 'WhatsApp channel', sms: 'SMS channel' } as const;

function MissingOption({ what, to, onReload }: { what: string; to: string; onReload: () => void }) {
  return (
    <p className="warning">
      No {what} yet.{' '}
      <Link to={to} target="_blank" rel="noopener">
        Add one in a new tab
      </Link>
      , then{' '}
      <button type="button" className="link-button" onClick={onReload}>
        reload the list
      </button>
      .
    </p>
  );
}

export function SendFields({ form, index, channels, onReloadOptions }: StepFieldsProps) {
  const type = form.watch(`steps.${index}.type`) as keyof typeof CHANNEL_TYPE;
  const channelType = CHANNEL_TYPE[type];
  const options = channels.filter((channel) => channel.type === channelType);
  return (
    <>
      <Field form={form} index={index} name="channel_id" label={CHANNEL_LABELS[channelType]}>
        {(props) => (
          <select {...props} {...form.register(`steps.${index}.channel_id`)} disabled={options.length === 0}>
            <option value="">Choose a channel…</option>
            {options.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
                {channel.type === 'email' ? ` (${channel.from_address})` : channel.type === 'sms' ? ` (${channel.from_number})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      {options.length === 0 && (
        <MissingOption what={`${CHANNEL_NAMES[channelType]} channel`} to={`/channels?edit=new&type=${channelType}`} onReload={onReloadOptions} />
      )}
      {type === 'send_email' && (
        <Field form={form} index={index} name="subject" label="Subject">
          {(props) => <input type="text" placeholder="Welcome, {{ first_name }}!" {...props} {...form.register(`steps.${index}.subject`)} />}
        </Field>
      )}
      <Field
        form={form}
        index={index}
        name="body"
        label={type === 'send_email' ? 'Body (HTML)' : 'Message'}
        hint={
          type === 'send_email' ? (
            <>
              HTML. Put <code>{'{{ link_unsubscribe }}'}</code> in a link so people can unsubscribe.
            </>
          ) : type === 'send_sms' ? (
            'Plain text, at most 1600 characters after the placeholders are filled in.'
          ) : (
            'Plain text; WhatsApp formatting (*bold*, _italic_) works.'
          )
        }
      >
        {(props) => (
          <textarea
            rows={type === 'send_email' ? 6 : 3}
            placeholder={type === 'send_email' ? '<p>Hi {{ first_name }},</p>' : 'Hi {{ first_name }}!'}
            {...props}
            {...form.register(`steps.${index}.body`)}
          />
        )}
      </Field>
    </>
  );
}

export function WaitFields({ form, index }: StepFieldsProps) {
  const error = (get(form.formState.errors, `steps.${index}.wait_amount`) as { message?: string } | undefined)?.message;
  const id = `step-${index}-wait`;
  return (
    <fieldset className="fieldset">
      <legend>Wait for</legend>
      <div className="wait-row">
        <div className="field">
          <label htmlFor={`${id}-amount`} className="visually-hidden">
            Wait for
          </label>
          <input
            id={`${id}-amount`}
            type="text"
            inputMode="numeric"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            {...form.register(`steps.${index}.wait_amount`)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`} className="visually-hidden">
            Unit
          </label>
          <select id={`${id}-unit`} {...form.register(`steps.${index}.wait_unit`)}>
            {WAIT_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        The run pauses here, then goes on with the next step. From 1 second to 90 days.
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

export function HttpFields({ form, index }: StepFieldsProps) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: `steps.${index}.headers` });
  const errorOf = (path: string) => (get(form.formState.errors, `steps.${index}.${path}`) as { message?: string } | undefined)?.message;
  return (
    <>
      <Field form={form} index={index} name="url" label="URL" hint="The hub POSTs here, signed like every webhook (Standard Webhooks: a webhook-signature header the receiver checks with the workflow’s signing secret).">
        {(props) => (
          <input type="text" inputMode="url" spellCheck={false} placeholder="https://crm.example.com/hooks/new-lead" {...props} {...form.register(`steps.${index}.url`)} />
        )}
      </Field>
      <Field
        form={form}
        index={index}
        name="http_body"
        label="Body"
        hint={
          <>
            A JSON object is sent as JSON, each string in it a template: <code>{'{"email": "{{ email }}"}'}</code>. Any
            other text is sent as it is. Empty sends the run: workflow, contact id and variables.
          </>
        }
      >
        {(props) => <textarea rows={5} className="mono" spellCheck={false} placeholder={'{\n  "email": "{{ email }}"\n}'} {...props} {...form.register(`steps.${index}.http_body`)} />}
      </Field>
      <KeyValueRows
        legend="Headers"
        hint="Values are templates. Content-Type, the signature headers and Host are set by the hub."
        idPrefix={`step-${index}-header`}
        rowLabel="Header"
        rows={fields}
        register={(row, part) => form.register(`steps.${index}.headers.${row}.${part}`)}
        errorFor={(row, part) => errorOf(`headers.${row}.${part}`)}
        listError={errorOf('headers')}
        placeholders={{ name: 'X-Api-Key', value: 'abc123' }}
        onAdd={() => append({ name: '', value: '' })}
        onRemove={remove}
        max={20}
        addLabel="Add header"
      />
    </>
  );
}

export function UpdateContactFields({ form, index }: StepFieldsProps) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: `steps.${index}.custom_fields` });
  const errorOf = (path: string) => (get(form.formState.errors, `steps.${index}.${path}`) as { message?: string } | undefined)?.message;
  const rows = form.watch(`steps.${index}.custom_fields`);
  return (
    <>
      <div className="form-grid">
        <Field form={form} index={index} name="first_name" label="First name" hint="Leave empty to keep the current one.">
          {(props) => <input type="text" placeholder="{{ first_name | capitalize }}" {...props} {...form.register(`steps.${index}.first_name`)} />}
        </Field>
        <Field form={form} index={index} name="last_name" label="Last name">
          {(props) => <input type="text" placeholder="{{ last_name }}" {...props} {...form.register(`steps.${index}.last_name`)} />}
        </Field>
      </div>
      <KeyValueRows
        legend="Custom fields"
        hint="Merged into the contact’s custom fields; values are templates."
        idPrefix={`step-${index}-field`}
        rowLabel="Field"
        rows={fields}
        register={(row, part) => form.register(`steps.${index}.custom_fields.${row}.${part}`)}
        errorFor={(row, part) => errorOf(`custom_fields.${row}.${part}`)}
        listError={errorOf('custom_fields')}
        placeholders={{
          name: 'stage',
          value: 'onboarded',
          valueFor: (row) => (rows[row]?.kind === 'null' ? 'Empty: removes the field' : undefined),
        }}
        onAdd={() => append({ name: '', value: '', kind: 'text' })}
        onRemove={remove}
        addLabel="Add custom field"
      />
    </>
  );
}

export function GroupFields({ form, index, groups, onReloadOptions }: StepFieldsProps) {
  return (
    <>
      <Field form={form} index={index} name="group_id" label="Group" hint="The contact becomes a subscribed member of this group.">
        {(props) => (
          <select {...props} {...form.register(`steps.${index}.group_id`)} disabled={groups.length === 0}>
            <option value="">Choose a group…</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {groups.length === 0 && <MissingOption what="group" to="/groups" onReload={onReloadOptions} />}
    </>
  );
}
