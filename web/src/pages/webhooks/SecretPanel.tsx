import { useState } from 'react';
import type { Endpoint } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyField } from '../../ui/CopyField';
import { formatDate } from '../../ui/formatDate';
import { errorMessage } from '../../ui/PageStates';
import { useRevealSecret, useRotateSecret } from './useEndpoints';

/** The endpoint's signing secret: reveal and copy it, or rotate it (the old one keeps signing for 24 h). */
export function SecretPanel({ endpoint, onClose }: { endpoint: Endpoint; onClose: () => void }) {
  const reveal = useRevealSecret(endpoint.id);
  const rotate = useRotateSecret(endpoint.id);
  const [confirming, setConfirming] = useState(false);

  const confirmRotate = () =>
    rotate.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        reveal.reset();
      },
    });

  return (
    <section className="inline-panel" aria-label="Signing secret">
      <div className="details-header">
        <h4>Signing secret</h4>
        <button type="button" className="button button-small button-ghost" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="field-hint">
        Receivers check the <code>webhook-signature</code> header with this secret (Standard Webhooks).
      </p>
      {rotate.data ? (
        <>
          <p className="notice" role="status">
            New secret created. The previous secret keeps signing too until{' '}
            <strong>{formatDate(rotate.data.previous_secret_expires_at)}</strong> (24 h), so update your receiver before
            then.
          </p>
          <CopyField label="New signing secret" value={rotate.data.secret} autoFocus />
        </>
      ) : reveal.data ? (
        <CopyField label="Signing secret" value={reveal.data} autoFocus />
      ) : (
        <button
          type="button"
          className="button button-small"
          onClick={() => reveal.mutate()}
          disabled={reveal.isPending}
          aria-busy={reveal.isPending}
        >
          {reveal.isPending ? 'Loading…' : 'Reveal secret'}
        </button>
      )}
      {reveal.error && (
        <p className="form-error" role="alert">
          The secret could not be loaded: {errorMessage(reveal.error)}
        </p>
      )}
      <div className="panel-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            rotate.reset();
            setConfirming(true);
          }}
        >
          Rotate secret
        </button>
        <span className="field-hint">The old secret keeps signing for 24 h after a rotation.</span>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Rotate the signing secret?"
          confirmLabel="Rotate secret"
          busyLabel="Rotating…"
          busy={rotate.isPending}
          error={rotate.error ? `The secret could not be rotated: ${errorMessage(rotate.error)}` : undefined}
          onConfirm={confirmRotate}
          onCancel={() => setConfirming(false)}
        >
          <p>
            The hub creates a new secret and signs with both for 24 hours (two signatures per request). After that only
            the new secret signs, so update your receiver within a day.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
