/** A piece of prose: plain text, or a `code` span the author marked with backticks. */
export interface TextPiece {
  text: string;
  code: boolean;
}

/** Splits prose at its backticks: `contact.created` becomes a code piece. An unpaired backtick stays as text. */
export function codeSpans(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), code: false });
    pieces.push({ text: match[1] ?? '', code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), code: false });
  return pieces;
}
