import { useEffect, useId, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** A read-only value (a secret, a key) with a Copy button that says whether copying worked. */
export function CopyField({ label, value, autoFocus = false }: { label: string; value: string; autoFocus?: boolean }) {
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
      <div className="copy-row">
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <input
          ref={inputRef}
          id={id}
          className="mono"
          type="text"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button-primary" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
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
