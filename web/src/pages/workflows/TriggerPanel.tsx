import { useState } from 'react';
import type { Workflow } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyField } from '../../ui/CopyField';
import { LocalUrlWarning } from '../../ui/LocalUrlWarning';
import { errorMessage } from '../../ui/PageStates';
import { useRevealWorkflowSecret, useRotateTrigger } from './useWorkflows';

/** A curl command that enrols one contact through `url`. */
export function curlExample(url: string): string {
  const body = JSON.stringify({ email: 'maria@example.com', first_name: 'María', plan: 'pro' });
  return [`curl -X POST '${url}' \\`, "  -H 'Content-Type: application/json' \\", `  -d '${body}'`].join('\n');
}

interface TriggerPanelProps {
  workflow: Workflow;
  /** Other workflows enrolled by the same trigger URL. */
  sharedWith: Workflow[];
}

/** The workflow's trigger URL: copy it, see how to call it, rotate it; and the secret its HTTP steps sign with. */
export function TriggerPanel({ workflow, sharedWith }: TriggerPanelProps) {
  const rotate = useRotateTrigger(workflow.id);
  const secret = useRevealWorkflowSecret(workflow.id);
  const [confirming, setConfirming] = useState(false);
  const [rotatedNote, setRotatedNote] = useState(false);
  const hasHttpStep = workflow.steps.some((step) => step.type === 'http_request');
  const url = workflow.trigger.webhook_url;

  return (
    <section className="trigger-panel" aria-labelledby="trigger-heading">
      <h3 id="trigger-heading">Trigger URL</h3>
      <p className="field-hint">
        POST JSON (or a form) here to enrol one contact. <code>email</code>, <code>phone</code> or <code>whatsapp</code>{' '}
        says who; every other key becomes a placeholder.
        {!workflow.active && <strong> This workflow is paused: calls enrol nobody into it until you make it active.</strong>}
      </p>
      <CopyField key={url} label="Trigger URL" value={url} copyLabel="Copy trigger URL" />
      <LocalUrlWarning url={url} caller="your form, Zap or script" />
      {rotatedNote && (
        <p className="notice" role="status">
          New trigger URL issued. The old one now answers 404: update every form, Zap or script that called it.
        </p>
      )}
      {sharedWith.length > 0 && (
        <p className="field-hint">
          Shared with {sharedWith.map((w) => `“${w.name}”`).join(', ')}: one call enrols the contact into each.
        </p>
      )}
      <details className="how-to">
        <summary>How to call it</summary>
        <pre className="code-block code-wrap" tabIndex={0} aria-label="Example call with curl">
          {curlExample(url)}
        </pre>
        <p className="field-hint">
          The hub answers <code>200</code> with <code>{'{"success": true, "workflows_triggered": 1, "contacts_enrolled": 1}'}</code>{' '}
          once the request is stored; the steps then run in the background (see <strong>Runs</strong>). Without an
          email or phone it answers <code>422</code>. Send the same <code>Idempotency-Key</code> header twice and the
          contact is enrolled once.
        </p>
      </details>
      <div className="panel-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            rotate.reset();
            setConfirming(true);
          }}
        >
          Rotate URL
        </button>
        <span className="field-hint">Issues a new URL. The current one stops working at once.</span>
      </div>
      {hasHttpStep && (
        <div className="panel-actions">
          {secret.data ? (
            <div className="grow">
              <CopyField label="Signing secret of HTTP request steps" value={secret.data} copyLabel="Copy signing secret" showLabel autoFocus />
            </div>
          ) : (
            <>
              <button type="button" className="button button-small" onClick={() => secret.mutate()} disabled={secret.isPending} aria-busy={secret.isPending}>
                {secret.isPending ? 'Loading…' : 'Reveal signing secret'}
              </button>
              <span className="field-hint">HTTP request steps are signed with it (Standard Webhooks: the receiver recomputes the webhook-signature header with this secret to know the call came from the hub); give it to the receiver.</span>
            </>
          )}
        </div>
      )}
      {secret.error && (
        <p className="form-error" role="alert">
          The secret could not be loaded: {errorMessage(secret.error)}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title="Rotate the trigger URL?"
          confirmLabel="Rotate URL"
          busyLabel="Rotating…"
          busy={rotate.isPending}
          error={rotate.error ? `The URL could not be rotated: ${errorMessage(rotate.error)}` : undefined}
          onConfirm={() =>
            rotate.mutate(undefined, {
              onSuccess: () => {
                setConfirming(false);
                setRotatedNote(true);
              },
            })
          }
          onCancel={() => setConfirming(false)}
        >
          <p className="warning">
            <strong>The current URL stops working at once.</strong> Every request to it answers 404 from now on, so
            forms, Zaps and scripts still calling it lose their leads until you give them the new URL.
          </p>
          {sharedWith.length > 0 && (
            <p>The {sharedWith.length === 1 ? 'workflow' : 'workflows'} sharing this URL move to the new one too.</p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
