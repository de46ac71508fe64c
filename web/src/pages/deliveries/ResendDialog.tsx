import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage } from '../../ui/PageStates';
import { resendTargets } from './deliveryStatus';
import type { Resend } from './useDeliveries';

interface ResendDialogProps {
  title: string;
  /** The dry run's answer: what will be sent. */
  counted: Resend;
  busy: boolean;
  error: Error | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before an endpoint-wide re-send, saying how many deliveries go to which URL. */
export function ResendDialog({ title, counted, busy, error, onConfirm, onCancel }: ResendDialogProps) {
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={`Send ${counted.count} now`}
      busyLabel="Sending…"
      busy={busy}
      error={error ? `Nothing was sent: ${errorMessage(error)}` : undefined}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p className="break-all">This sends {resendTargets(counted)}, each as a new attempt.</p>
      {!counted.endpoint_enabled && (
        <p>The endpoint is disabled: enable it first, or these deliveries fail again without being sent.</p>
      )}
    </ConfirmDialog>
  );
}
