import { sourceLabel } from './inboundLogFilters';

/** What the hub does again with a request of this source when it is replayed, in words. */
const EFFECTS: Record<string, string> = {
  automation: 'The workflow behind this trigger URL runs again: its contact is created or updated and a new run starts.',
  meta: 'The lead is fetched and stored again: its contact is created or updated and what the lead source starts runs again.',
  google: 'The lead is stored again: its contact is created or updated and what the lead source starts runs again.',
  mailgun: 'The delivery event is applied again to its message (status and timeline), and subscribed webhooks hear of it.',
  ses: 'The delivery event is applied again to its message (status and timeline), and subscribed webhooks hear of it.',
  sendgrid: 'The delivery events are applied again to their messages (status and timeline), and subscribed webhooks hear of them.',
  postmark: 'The delivery event is applied again to its message (status and timeline), and subscribed webhooks hear of it.',
};

/** The confirmation a Replay asks for: where the request goes again, and what that does. */
export function replayEffect(source: string): { route: string; effect: string } {
  return {
    route: sourceLabel(source),
    effect: EFFECTS[source] ?? 'The route that received it handles it again, as if it had just arrived.',
  };
}
