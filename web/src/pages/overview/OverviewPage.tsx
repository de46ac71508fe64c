import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { StatsRange } from '../../api/types';
import { ErrorState, Loading } from '../../ui/PageStates';
import { useMe } from '../../shell/useMe';
import { PageHeader } from '../../ui/PageHeader';
import { DeliveriesChart } from './DeliveriesChart';
import { InboundChart } from './InboundChart';
import { QueuesPanel } from './QueuesPanel';
import { RANGE_LABELS, RANGES, rangeFrom } from './statsLinks';
import { useDeliveryStats, useEndpointHealth, useInboundStats, useQueueStats } from './useStats';
import { WeakestEndpoints } from './WeakestEndpoints';

const sections = [
  {
    to: '/webhooks',
    title: 'Webhooks',
    text: 'Subscribe URLs to events, one URL for all or one per event, and test each before you save.',
  },
  {
    to: '/deliveries',
    title: 'Delivery log',
    text: 'Every event sent to your endpoints with each attempt, its request and response; retry or recover failures.',
  },
  {
    to: '/event-types',
    title: 'Event catalog',
    text: 'Every event the hub can send to your endpoints, with its JSON schema and an example payload.',
  },
  {
    to: '/workflows',
    title: 'Workflows',
    text: 'A trigger URL for your forms and tools; each call enrols a contact into steps: messages, waits, HTTP calls.',
  },
  {
    to: '/inbound-logs',
    title: 'Inbound log',
    text: 'Every request the hub received, stored before it was answered: payload, headers, outcome, and Replay.',
  },
  {
    to: '/channels',
    title: 'Channels',
    text: 'Email senders (SMTP, with Mailgun, SES, SendGrid or Postmark events), WhatsApp numbers and SMS numbers.',
  },
  {
    to: '/messages',
    title: 'Messages',
    text: 'Everything sent by workflows and the Send API, with its delivery status and history; send a test.',
  },
  {
    to: '/contacts',
    title: 'Contacts',
    text: 'The people the hub knows about, created by inbound webhooks, lead forms and the API.',
  },
  {
    to: '/groups',
    title: 'Groups',
    text: 'Mailing groups: who is subscribed, add and remove members; emails carry an unsubscribe link.',
  },
  {
    to: '/api-keys',
    title: 'API keys',
    text: 'Keys for your own systems to call the hub: send messages, manage contacts, subscribe endpoints.',
  },
];

/** How many endpoints the overview lists, weakest first. */
const WEAKEST_SHOWN = 5;

/** A card of the overview with its own loading and error state, so one slow figure does not hold up the others. */
function StatsCard({
  title,
  id,
  wide,
  query,
  children,
}: {
  title: string;
  id: string;
  /** Spans the grid's width (tables with many columns). */
  wide?: boolean;
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  children: () => ReactNode;
}) {
  let content: ReactNode;
  if (query.isPending) content = <Loading label={`Loading ${title.toLowerCase()}…`} />;
  else if (query.isError) content = <ErrorState title={`${title} could not be loaded.`} error={query.error} onRetry={() => void query.refetch()} />;
  else content = children();
  return (
    <section className={wide ? 'card stats-card stats-card-wide' : 'card stats-card'} aria-labelledby={id}>
      <h2 id={id} className="stats-card-title">
        {title}
      </h2>
      {content}
    </section>
  );
}

function RangePicker({ range, onChange }: { range: StatsRange; onChange: (range: StatsRange) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Time range">
      {RANGES.map((option) => (
        <button key={option} type="button" className="segmented-option" aria-pressed={option === range} onClick={() => onChange(option)}>
          {RANGE_LABELS[option]}
        </button>
      ))}
    </div>
  );
}

export function OverviewPage() {
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const range = rangeFrom(searchParams);
  const deliveries = useDeliveryStats(range);
  const inbound = useInboundStats(range);
  const queues = useQueueStats();
  const endpoints = useEndpointHealth(range, WEAKEST_SHOWN);
  const title = me.data ? `Welcome to Webhook Hub, ${me.data.account.name}` : 'Welcome to Webhook Hub';

  return (
    <>
      <PageHeader title={title}>
        What the hub sent and received, what is waiting, and which endpoints fail. Every figure opens the log behind it;
        the charts refresh by themselves.
      </PageHeader>
      <RangePicker range={range} onChange={(next) => setSearchParams(next === '24h' ? {} : { range: next }, { replace: true })} />
      <div className="stats-grid">
        <StatsCard title="Deliveries" id="stats-deliveries" query={deliveries}>
          {() => <DeliveriesChart stats={deliveries.data!} range={range} />}
        </StatsCard>
        <StatsCard title="Inbound requests" id="stats-inbound" query={inbound}>
          {() => <InboundChart stats={inbound.data!} />}
        </StatsCard>
        <StatsCard title="Endpoints with the lowest success rate" id="stats-endpoints" wide query={endpoints}>
          {() => <WeakestEndpoints endpoints={endpoints.data!.endpoints} range={range} since={endpoints.data!.since} until={endpoints.data!.until} />}
        </StatsCard>
        <StatsCard title="Queues" id="stats-queues" wide query={queues}>
          {() => <QueuesPanel queues={queues.data!.queues} />}
        </StatsCard>
      </div>
      <details className="where-next">
        <summary className="section-title">Where to go next</summary>
        <ul className="link-cards">
          {sections.map((section) => (
            <li key={section.to} className="card link-card">
              <h3>
                <Link to={section.to}>{section.title}</Link>
              </h3>
              <p>{section.text}</p>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
