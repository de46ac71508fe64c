import { describe, expect, it } from 'vitest';
import { retryLine, runActions, runPhase, sentRequest } from './runState';

const step = { index: 0, type: 'http_request', status: 'running' as const, attempts: 1, output: null, error: 'HTTP 500', started_at: null, finished_at: null };

describe('run state', () => {
  it('reads a running run with a next try as retrying, and offers retry and cancel by phase', () => {
    const retrying = { status: 'running' as const, resume_at: '2026-01-01T10:10:00.000Z' };
    expect(runPhase(retrying)).toBe('retrying');
    expect(runActions(retrying)).toEqual({ retry: true, cancel: true });
    expect(runActions({ status: 'running', resume_at: null })).toEqual({ retry: false, cancel: true });
    expect(runActions({ status: 'waiting', resume_at: '2026-01-01T10:10:00.000Z' })).toEqual({ retry: false, cancel: true });
    expect(runActions({ status: 'failed', resume_at: null })).toEqual({ retry: true, cancel: false });
    expect(runActions({ status: 'completed', resume_at: null })).toEqual({ retry: false, cancel: false });
    expect(runActions({ status: 'cancelled', resume_at: null })).toEqual({ retry: false, cancel: false });
  });

  it('says which step failed, how, and when the next attempt is', () => {
    const run = { status: 'running' as const, resume_at: '2026-01-01T10:10:00.000Z', current_step: 0, steps: [step] };
    expect(retryLine(run, 'HTTP request')).toMatch(/^Step 1 \(HTTP request\) failed: HTTP 500 · next try \(attempt 2\) at .+$/);
    expect(retryLine({ ...run, status: 'completed' }, 'HTTP request')).toBeNull();
  });

  it('reads the request an http_request step sent from its output, or none', () => {
    const request = { method: 'POST', url: 'https://crm.example.com/leads', headers: { 'webhook-id': 'evt_1' }, body: '{"z":1,"a":2}' };
    expect(sentRequest({ output: { status_code: 500, request } })).toEqual(request);
    expect(sentRequest({ output: { status_code: 500 } })).toBeNull();
    expect(sentRequest({ output: null })).toBeNull();
  });
});
