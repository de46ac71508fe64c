import { useEffect, useId, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** A read-only value (a secret, a key) with a Copy button that says whether copying worked. */
interface CopyFieldProps {
  label: string;
  value: string;
  autoFocus?: boolean;
  /** The Copy button's accessible name; "Copy <label in lower case>" when absent. */
  copyLabel?: string;
  /** Show the label above the value instead of only to screen readers. */
  showLabel?: boolean;
}

export function CopyField({ label, value, autoFocus = false, copyLabel, showLabel = false }: CopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => {
    if (!autoFocus) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [autoFocus]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState('copied');
    } catch {
      // No clipboard access (e.g. plain http): leave the value selected for Ctrl+C.
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopyState('failed');
    }
  };

  return (
    <div>
      {showLabel && (
        <label htmlFor={id} className="copy-label">
          {label}
        </label>
      )}
      <div className="copy-row">
        {!showLabel && (
          <label htmlFor={id} className="visually-hidden">
            {label}
          </label>
        )}
        <input
          ref={inputRef}
          id={id}
          className="mono"
          type="text"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button-primary" onClick={() => void copy()} aria-label={copyLabel ?? `Copy ${label.toLowerCase()}`}>
          Copy
        </button>
      </div>
      <p className="copy-status" role="status">
        {copyState === 'copied' && 'Copied to the clipboard.'}
        {copyState === 'failed' && 'Could not copy automatically. The value is selected: press Ctrl+C (⌘C on a Mac).'}
      </p>
    </div>
  );
}
