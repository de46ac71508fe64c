import { describe, expect, it } from 'vitest';
import { saveGate, saveGateReason } from './saveGate';

const A = 'https://crm.example.com/hooks';
const B = 'https://crm.example.com/bounces';

describe('saveGate', () => {
  it('locks Save while a new URL has never been tested', () => {
    expect(saveGate({ urls: [A], lastTests: {} })).toEqual({ canSave: false, untested: [A], failed: [] });
  });

  it('keeps Save locked when the latest test of a URL failed', () => {
    expect(saveGate({ urls: [A], lastTests: { [A]: { ok: false, failure: 'answered HTTP 500' } } })).toEqual({
      canSave: false,
      untested: [A],
      failed: [{ url: A, failure: 'answered HTTP 500' }],
    });
  });

  it('unlocks Save once every URL passed its latest test', () => {
    expect(saveGate({ urls: [A, B], lastTests: { [A]: { ok: true }, [B]: { ok: true } } })).toEqual({
      canSave: true,
      untested: [],
      failed: [],
    });
  });

  it('re-locks Save when a tested URL is edited: the new text has no test', () => {
    const lastTests = { [A]: { ok: true } };
    expect(saveGate({ urls: [A], lastTests }).canSave).toBe(true);
    expect(saveGate({ urls: [`${A}/v2`], lastTests })).toEqual({ canSave: false, untested: [`${A}/v2`], failed: [] });
  });

  it('lists each untested URL once, in form order, ignoring surrounding spaces and empty fields', () => {
    const gate = saveGate({ urls: [` ${B} `, '', A, B, '  '], lastTests: {} });
    expect(gate).toEqual({ canSave: false, untested: [B, A], failed: [] });
  });

  it('matches a test to a URL typed with spaces around it', () => {
    expect(saveGate({ urls: [`  ${A}`], lastTests: { [A]: { ok: true } } }).canSave).toBe(true);
  });

  it('needs no test for URLs the saved endpoint already sends to', () => {
    expect(saveGate({ urls: [A, B], lastTests: {}, savedUrls: [A] })).toEqual({ canSave: false, untested: [B], failed: [] });
    expect(saveGate({ urls: [A], lastTests: {}, savedUrls: [A] }).canSave).toBe(true);
  });

  it('keeps Save locked while the form has no URL at all', () => {
    expect(saveGate({ urls: ['', ' '], lastTests: {} })).toEqual({ canSave: false, untested: [], failed: [] });
    expect(saveGate({ urls: [], lastTests: {}, savedUrls: [A] })).toEqual({ canSave: false, untested: [], failed: [] });
  });
});

describe('saveGateReason', () => {
  it('says which URLs to test', () => {
    expect(saveGateReason({ canSave: false, untested: [A], failed: [] })).toBe(`Test ${A} first.`);
    expect(saveGateReason({ canSave: false, untested: [A, B, 'https://x.example'], failed: [] })).toBe(
      `Test ${A}, ${B} and https://x.example first.`,
    );
  });

  it('names the real blocker when a test failed, not "test it first"', () => {
    const gate = { canSave: false, untested: [A, B], failed: [{ url: B, failure: 'answered HTTP 500' }] };
    expect(saveGateReason(gate)).toBe(`${B} answered HTTP 500.`);
    const two = { canSave: false, untested: [A, B], failed: [{ url: A, failure: 'did not answer: connection refused' }, { url: B, failure: 'answered HTTP 500' }] };
    expect(saveGateReason(two)).toBe(`${A} did not answer: connection refused (and 1 more URL failed).`);
  });

  it('asks for a URL when there is none', () => {
    expect(saveGateReason({ canSave: false, untested: [], failed: [] })).toBe('Enter a URL and test it first.');
  });

  it('is null when Save is allowed', () => {
    expect(saveGateReason({ canSave: true, untested: [], failed: [] })).toBeNull();
  });
});
