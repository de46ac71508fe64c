import { codeSpans } from './codeSpans';

/** Prose from the API whose backticked words show as code. */
export function TextWithCode({ text }: { text: string }) {
  return (
    <>
      {codeSpans(text).map((piece, index) => (piece.code ? <code key={index}>{piece.text}</code> : <span key={index}>{piece.text}</span>))}
    </>
  );
}
