import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { CopyField } from '../../ui/CopyField';
import { FieldError } from '../../ui/FieldError';

interface SecretFieldProps {
  id: string;
  label: string;
  /** Where the value comes from or goes, in a sentence. */
  hint: string;
  /** The source already has one (edit): shown as "set — replace?". */
  stored: boolean;
  error?: string;
  registration: UseFormRegisterReturn;
  /** The current value of the input. */
  value: string;
  /** Present for secrets the hub can make up (verify token, Google key): puts a random one in the input. */
  onGenerate?: () => string;
}

/**
 * A write-only secret: a password input, "set — replace?" when one is stored,
 * and for secrets you choose yourself a Generate button whose value is shown
 * with Copy, because the hub keeps only a hash of it and cannot show it again.
 */
export function SecretField({ id, label, hint, stored, error, registration, value, onGenerate }: SecretFieldProps) {
  const [generated, setGenerated] = useState<string | null>(null);
  const [replacing, setReplacing] = useState(!stored);
  const showGenerated = generated !== null && generated === value;
  const describedBy = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ');

  if (!replacing)
    return (
      <div className="field">
        <span className="copy-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="input-with-button">
          <span className="badge badge-ok">Set</span>
          <button type="button" className="button button-small" aria-label={`Replace ${label.toLowerCase()}`} onClick={() => setReplacing(true)}>
            Replace…
          </button>
        </div>
        <p id={`${id}-hint`} className="field-hint">
          Stored and write-only: it is never shown again. Leave it to keep it.
        </p>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    );

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-button">
        <input
          id={id}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          placeholder={stored ? 'Type a new one to replace the stored one' : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...registration}
        />
        {onGenerate && (
          <button type="button" className="button" aria-label={`Generate ${label.toLowerCase()}`} onClick={() => setGenerated(onGenerate())}>
            Generate
          </button>
        )}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      {showGenerated && (
        <div className="inline-panel">
          <CopyField label={`Generated ${label.toLowerCase()}`} value={generated} copyLabel={`Copy generated ${label.toLowerCase()}`} showLabel />
          <p className="field-hint">
            <strong>Copy it now.</strong> The hub stores only a hash of it, so once you leave this page it cannot show it
            again; it is also shown once more after saving.
          </p>
        </div>
      )}
    </div>
  );
}
