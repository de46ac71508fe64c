import { get } from 'react-hook-form';
import { FieldError } from '../../ui/FieldError';
import { describeWait, waitSeconds } from './waitDuration';
import { GroupFields, HttpFields, SendFields, UpdateContactFields, WaitFields, type StepFieldsProps } from './StepFields';
import { STEP_LABELS } from './workflowFormModel';

interface StepCardProps extends StepFieldsProps {
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** One step of the editor: its number and type, Up / Down / Remove, and the form of its type. */
export function StepCard(props: StepCardProps) {
  const { form, index, count, onMove, onRemove } = props;
  const type = form.watch(`steps.${index}.type`);
  const amount = form.watch(`steps.${index}.wait_amount`);
  const unit = form.watch(`steps.${index}.wait_unit`);
  const stepError = (get(form.formState.errors, `steps.${index}.type`) as { message?: string } | undefined)?.message;
  const n = index + 1;
  const seconds = type === 'wait' ? waitSeconds(amount, unit) : null;
  const legend = `Step ${n}: ${STEP_LABELS[type]}`;

  return (
    <li className="step-card" id={`step-${index}`}>
      <fieldset className="fieldset step-fieldset">
        <legend className="visually-hidden">{legend}</legend>
        <div className="step-header">
          <span className="step-number" aria-hidden="true">
            {n}
          </span>
          <h4 aria-hidden="true">
            {STEP_LABELS[type]}
            {seconds !== null && <span className="muted"> · {describeWait(seconds)}</span>}
          </h4>
          <div className="step-actions" role="group" aria-label={`Move or remove step ${n}`}>
            <button
              type="button"
              id={`step-${index}-up`}
              className="button button-small button-ghost"
              aria-label={`Move step ${n} up`}
              disabled={index === 0}
              onClick={() => onMove(index, index - 1)}
            >
              ↑ Up
            </button>
            <button
              type="button"
              id={`step-${index}-down`}
              className="button button-small button-ghost"
              aria-label={`Move step ${n} down`}
              disabled={index === count - 1}
              onClick={() => onMove(index, index + 1)}
            >
              ↓ Down
            </button>
            <button
              type="button"
              id={`step-${index}-remove`}
              className="button button-small button-danger-ghost"
              aria-label={`Remove step ${n}`}
              onClick={() => onRemove(index)}
            >
              Remove
            </button>
          </div>
        </div>
        <FieldError id={`step-${index}-error`} message={stepError} />
        {(type === 'send_email' || type === 'send_whatsapp' || type === 'send_sms') && <SendFields {...props} />}
        {type === 'wait' && <WaitFields {...props} />}
        {type === 'http_request' && <HttpFields {...props} />}
        {type === 'update_contact' && <UpdateContactFields {...props} />}
        {type === 'add_to_group' && <GroupFields {...props} />}
      </fieldset>
    </li>
  );
}
