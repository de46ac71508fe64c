import { describe, expect, it } from 'vitest';
import { answerText, payloadView } from './payloadView';

describe('payloadView', () => {
  it('pretty-prints JSON bodies, by content type or by their first character', () => {
    expect(payloadView('{"email":"ann@example.com","n":1}', 'application/json')).toEqual({
      kind: 'json',
      text: '{\n  "email": "ann@example.com",\n  "n": 1\n}',
    });
    expect(payloadView(' [1,2]', 'text/plain; charset=UTF-8').kind).toBe('json');
  });

  it('shows malformed JSON exactly as received', () => {
    expect(payloadView('{"email":', 'application/json')).toEqual({ kind: 'text', text: '{"email":' });
  });

  it('decodes form bodies into one field per line', () => {
    expect(payloadView('email=ann%40example.com&first_name=Ann+Lee', 'application/x-www-form-urlencoded')).toEqual({
      kind: 'form',
      text: 'email: ann@example.com\nfirst_name: Ann Lee',
    });
  });

  it('says when there is no body', () => {
    expect(payloadView(null, null).kind).toBe('empty');
    expect(payloadView('', 'application/json').kind).toBe('empty');
  });
});

describe('answerText', () => {
  it('pretty-prints objects and keeps text', () => {
    expect(answerText({ success: true })).toBe('{\n  "success": true\n}');
    expect(answerText('ok')).toBe('ok');
    expect(answerText(null)).toBe('(empty)');
  });
});
