import { useEffect, useRef, useState } from 'react';
import type { CreatedApiKey } from '../../api/types';

type CopyState = 'idle' | 'copied' | 'failed';

/** The one time the full key is visible. */
export function NewKeyNotice({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopyState('copied');
    } catch {
      // No clipboard access (e.g. plain http): leave the key selected for Ctrl+C.
      inputRef.current?.focus();
      inputRef.current?.select();
      setCopyState('failed');
    }
  };

  return (
    <section className="card new-key" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">Key “{created.name}” created</h2>
      <p className="warning">
        <strong>Copy this key now.</strong> It will not be shown again: the hub stores only a hash of it.
      </p>
      <div className="copy-row">
        <label htmlFor="new-key-value" className="visually-hidden">
          New API key
        </label>
        <input
          ref={inputRef}
          id="new-key-value"
          className="mono"
          type="text"
          readOnly
          value={created.key}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="copy-status" role="status">
        {copyState === 'copied' && 'Copied to the clipboard.'}
        {copyState === 'failed' && 'Could not copy automatically. The key is selected: press Ctrl+C (⌘C on a Mac).'}
      </p>
      <button type="button" className="button" onClick={onDone}>
        Done, I have saved it
      </button>
    </section>
  );
}
