import type { LeadSource } from '../../api/types';
import { CopyField } from '../../ui/CopyField';
import { LocalUrlWarning } from '../../ui/LocalUrlWarning';

interface WebhookSetupPanelProps {
  source: LeadSource;
  /** The verify token or Google key just saved: shown this once, since the hub keeps only its hash. */
  pasted: { verify_token?: string; google_key?: string };
}

function MetaSteps() {
  return (
    <ol>
      <li>
        In <strong>Meta for Developers</strong>, open your app → <strong>Webhooks</strong> (add the Webhooks product if
        it is missing), choose <strong>Page</strong> in the list and click <strong>Subscribe to this object</strong>.
      </li>
      <li>
        Paste the <strong>webhook URL</strong> above as the <em>Callback URL</em> and your <strong>verify token</strong>{' '}
        as the <em>Verify token</em>, then click <strong>Verify and save</strong>. Meta calls the hub at once; it answers
        only when the token matches.
      </li>
      <li>
        In the list of Page fields, <strong>Subscribe</strong> to <code>leadgen</code>.
      </li>
      <li>
        Connect the app to your page (Meta Business Suite → Settings → Leads access, or the Graph API{' '}
        <code>/{'{page-id}'}/subscribed_apps</code>), then send a lead with Meta’s Lead Ads Testing Tool, or use{' '}
        <strong>Send a test lead</strong> below.
      </li>
    </ol>
  );
}

function GoogleSteps() {
  return (
    <ol>
      <li>
        In <strong>Google Ads</strong>, open <strong>Assets</strong> → <strong>Lead forms</strong> and edit the form (or
        create one in a campaign).
      </li>
      <li>
        Under <strong>Lead delivery</strong> → <strong>Webhook integration</strong>, paste the <strong>webhook URL</strong>{' '}
        above as the <em>Webhook URL</em> and your <strong>key</strong> as the <em>Key</em>.
      </li>
      <li>
        Click <strong>Send test data</strong>: the hub answers 200 and the lead shows under <strong>Recent leads</strong>,
        marked test. Then save the form.
      </li>
    </ol>
  );
}

/** What to paste at Meta or Google, each with Copy, and where. */
export function WebhookSetupPanel({ source, pasted }: WebhookSetupPanelProps) {
  const secret = source.provider === 'meta' ? pasted.verify_token : pasted.google_key;
  const secretLabel = source.provider === 'meta' ? 'Verify token' : 'Key';
  return (
    <section className="card" aria-labelledby="lead-setup-heading">
      <h3 id="lead-setup-heading">Where to paste it: {source.provider === 'meta' ? 'the Meta app’s webhook settings' : 'the Google Ads lead form'}</h3>
      <CopyField label="Webhook URL" value={source.webhook_url} copyLabel="Copy webhook URL" showLabel />
      <LocalUrlWarning url={source.webhook_url} caller={source.provider === 'meta' ? 'Meta' : 'Google Ads'} />
      {secret ? (
        <>
          <CopyField label={secretLabel} value={secret} copyLabel={`Copy ${secretLabel.toLowerCase()}`} showLabel />
          <p className="warning">
            <strong>Shown this once.</strong> The hub keeps only a hash of the {secretLabel.toLowerCase()}, so it cannot
            show it again: copy it now. If it is lost, generate a new one on this page and paste that instead.
          </p>
        </>
      ) : (
        <p className="field-hint">
          The {secretLabel.toLowerCase()} is the one you saved; the hub keeps only its hash and cannot show it. Lost it?
          Replace it below and paste the new one.
        </p>
      )}
      <details className="how-to" open={Boolean(secret)}>
        <summary>Step by step</summary>
        {source.provider === 'meta' ? <MetaSteps /> : <GoogleSteps />}
      </details>
    </section>
  );
}
