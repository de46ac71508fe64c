import type { InboundLog, InboundLogOutcome } from '../../api/types';

const OUTCOME: Record<InboundLogOutcome, { tone: string; label: string }> = {
  accepted: { tone: 'ok', label: 'Accepted' },
  duplicate: { tone: 'neutral', label: 'Duplicate' },
  rejected: { tone: 'warn', label: 'Rejected' },
  error: { tone: 'danger', label: 'Error' },
};

export function OutcomeBadge({ outcome }: { outcome: InboundLogOutcome }) {
  const { tone, label } = OUTCOME[outcome];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

export const OUTCOME_HINTS: Record<InboundLogOutcome, string> = {
  accepted: 'Stored and processed.',
  duplicate: 'Already received (same Idempotency-Key or provider event id): answered 2xx, nothing done again.',
  rejected: 'Refused: a bad signature or secret, an unknown id, or a payload missing what it needs.',
  error: 'The hub failed while handling it.',
};

/** "Passed", "Failed", "Not required", or "—" for routes that do not verify. */
export function verificationLabel(verification: InboundLog['verification']): string {
  if (verification === 'passed') return 'Passed';
  if (verification === 'failed') return 'Failed';
  if (verification === 'not_required') return 'Not required';
  return '—';
}

const VERIFICATION_TONE: Record<NonNullable<InboundLog['verification']>, string> = {
  passed: 'ok',
  failed: 'danger',
  not_required: 'neutral',
};

/** The verification result as a badge; "—" for routes that do not verify. */
export function VerificationBadge({ verification }: { verification: InboundLog['verification'] }) {
  if (verification === null) return <span className="muted">—</span>;
  return <span className={`badge badge-${VERIFICATION_TONE[verification]}`}>{verificationLabel(verification)}</span>;
}
