import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { routeObjects } from '../router';

/** The real route tree in memory, starting at `path`, with a fresh cache. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routeObjects, { initialEntries: [path] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { router, user };
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** One API call as a test sees it: the path and query, and the request's method, headers and body. */
export interface SentInit {
  method: string;
  /** Header names lower-cased, as `Headers` gives them. */
  headers: Record<string, string>;
  body?: string;
}

type Route = (url: string, init: SentInit) => Response | undefined;

async function describeCall(input: RequestInfo | URL, init: RequestInit = {}): Promise<[string, SentInit]> {
  const request = new Request(
    typeof input === 'string' ? new URL(input, window.location.origin) : input,
    input instanceof Request ? undefined : init,
  );
  const url = new URL(request.url);
  const sameOrigin = url.origin === window.location.origin;
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  return [
    sameOrigin ? `${url.pathname}${url.search}` : url.href,
    { method: request.method, headers: Object.fromEntries(request.headers.entries()), body: body || undefined },
  ];
}

/**
 * Replaces global fetch; `route` answers each call (URL path + query, method/headers/body).
 * A call it does not answer fails the test with the URL in the message.
 * The returned mock records each call as `[url, { method, headers, body }]`.
 */
export function stubFetch(route: Route) {
  const fetchMock = vi.fn((url: string, init: SentInit) => {
    const response = route(url, init);
    if (!response) throw new Error(`Unexpected fetch ${init.method} ${url}`);
    return response;
  });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const [url, sent] = await describeCall(input, init);
    return fetchMock(url, sent);
  });
  return fetchMock;
}
