/** How a stored inbound body is best read: pretty JSON, decoded form fields, or the text as received. */
export interface PayloadView {
  kind: 'json' | 'form' | 'text' | 'empty';
  text: string;
}

function looksJson(contentType: string | null, raw: string): boolean {
  if (contentType && /json/i.test(contentType)) return true;
  const start = raw.trimStart()[0];
  return start === '{' || start === '[';
}

export function payloadView(raw: string | null, contentType: string | null): PayloadView {
  if (raw === null || raw === '') return { kind: 'empty', text: '' };
  if (looksJson(contentType, raw)) {
    try {
      return { kind: 'json', text: JSON.stringify(JSON.parse(raw), null, 2) };
    } catch {
      return { kind: 'text', text: raw };
    }
  }
  if (contentType && /application\/x-www-form-urlencoded/i.test(contentType)) {
    const lines = [...new URLSearchParams(raw)].map(([key, value]) => `${key}: ${value}`);
    return lines.length > 0 ? { kind: 'form', text: lines.join('\n') } : { kind: 'text', text: raw };
  }
  return { kind: 'text', text: raw };
}

/** A replay's answer body as text: objects pretty-printed, strings as they are. */
export function answerText(body: unknown): string {
  if (body === null || body === undefined || body === '') return '(empty)';
  if (typeof body === 'string') return body;
  return JSON.stringify(body, null, 2);
}
