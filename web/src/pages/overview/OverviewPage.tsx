import { Link } from 'react-router';
import { useMe } from '../../shell/useMe';
import { PageHeader } from '../../ui/PageHeader';

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

export function OverviewPage() {
  const me = useMe();
  const title = me.data ? `Welcome to Webhook Hub, ${me.data.account.name}` : 'Welcome to Webhook Hub';

  return (
    <>
      <PageHeader title={title}>
        Webhook Hub is the webhook layer of your messaging platform. It takes data in from automation
        triggers, ad-platform lead forms, email providers and WhatsApp, turns it into contacts, workflow runs
        and message updates, and delivers signed, retried and logged events out to the URLs you subscribe.
      </PageHeader>
      <h2 className="section-title">Where to go next</h2>
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
    </>
  );
}
