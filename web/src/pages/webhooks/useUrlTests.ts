import { useCallback, useMemo, useState } from 'react';
import type { TestSendResult, TestUnsavedRequest } from '../../api/types';
import { errorMessage } from '../../ui/PageStates';
import type { UrlTestOutcome } from './saveGate';
import { testUrl } from './useEndpoints';

/** The latest test of one URL: what was sent and what came back, or why it could not be sent. */
export interface UrlTest extends UrlTestOutcome {
  /** Where the form shows it: `common` or an event type. */
  slot: TestSlot;
  url: string;
  eventType: string;
  result?: TestSendResult & { secret?: string };
  /** The test request itself was refused (e.g. a malformed URL), or saving's own check failed. */
  problem?: string;
}

/** What a failed test send came to, after the URL: "answered HTTP 500", "did not answer: timeout". */
export function testFailure(result: TestSendResult): string | undefined {
  if (result.ok) return undefined;
  if (result.status !== null) return `answered HTTP ${result.status}`;
  return `did not answer${result.error ? `: ${result.error}` : ''}`;
}

/** Which test the form shows and which it is running: `common` or an event type. */
export type TestSlot = string;

/**
 * The test sends of an endpoint form: the latest per URL (what the save gate
 * reads), the slot whose result is on screen, and the one in flight.
 */
export function useUrlTests() {
  const [byUrl, setByUrl] = useState<Record<string, UrlTest>>({});
  const [shown, setShown] = useState<{ slot: TestSlot; url: string } | null>(null);
  const [running, setRunning] = useState<TestSlot | null>(null);

  const run = useCallback(async (slot: TestSlot, request: TestUnsavedRequest) => {
    const url = request.url.trim();
    const eventType = request.event_type ?? 'webhook.test';
    setRunning(slot);
    let test: UrlTest;
    try {
      const result = await testUrl({ ...request, url });
      test = { slot, url, eventType, ok: result.ok, result, failure: testFailure(result) };
    } catch (error) {
      const problem = errorMessage(error);
      test = { slot, url, eventType, ok: false, problem, failure: `could not be tested: ${problem}` };
    }
    setByUrl((current) => ({ ...current, [url]: test }));
    setShown({ slot, url });
    setRunning(null);
    return test;
  }, []);

  /** Saving found the URL does not answer: its earlier pass no longer counts. */
  const markFailed = useCallback((url: string, problem: string) => {
    setByUrl((current) => ({
      ...current,
      [url]: { slot: current[url]?.slot ?? 'common', url, eventType: 'webhook.test', ok: false, problem, failure: `failed on save: ${problem}` },
    }));
  }, []);

  const shownTest = shown ? byUrl[shown.url] : undefined;

  return useMemo(
    () => ({
      lastTests: byUrl as Readonly<Record<string, UrlTest | undefined>>,
      run,
      running,
      markFailed,
      shownSlot: shownTest ? shown?.slot ?? null : null,
      shownTest,
      hide: () => setShown(null),
      /** Shows the latest test of this URL again (the Save hint links to it). */
      show: (url: string) => setShown(byUrl[url] ? { slot: byUrl[url].slot, url } : null),
    }),
    [byUrl, run, running, markFailed, shown, shownTest],
  );
}
