'use strict';
// The load generator, forked as its own process for each load phase: runs
// autocannon with the options it is sent over IPC and answers with a summary.
// Bodies are built here (functions cannot cross IPC) and are unique per request:
//   kind "contact": {email: bench-<run>-<phase>-<n>@example.com, first_name, plan}
//   kind "event":   {type: "custom.bench", data: {bench_phase, seq, run}}
//   kind "google-lead": Google's lead form body with the source's google_key and a unique lead_id
//   kind "meta-lead":   a Page notification with one unique leadgen change, signed (X-Hub-Signature-256) with the app secret
//   kind "mailgun-event":  one Mailgun delivered event, signed (HMAC of timestamp + a unique token) with the signing key
//   kind "sendgrid-batch": a SendGrid Event Webhook array of options.batch delivered events, ECDSA-signed with the private key
//   kind "whatsapp-message": a node service messages.upsert (one inbound text, unique message id) with X-Node-Secret
const { createHmac, createPrivateKey, randomBytes, sign } = require('node:crypto');
const autocannon = require('autocannon');

const now = () => performance.timeOrigin + performance.now(); // epoch ms

function bodyFactory(kind, run, phase) {
  let n = 0;
  if (kind === 'contact') {
    return () => JSON.stringify({ email: `bench-${run}-${phase}-${n++}@example.com`, first_name: 'Bench', last_name: `N${n}`, plan: 'pro' });
  }
  if (kind === 'google-lead') {
    return (options) => ({
      body: JSON.stringify({
        lead_id: `${run}-${phase}-${n++}`,
        form_id: 40000000001,
        campaign_id: 20000000002,
        google_key: options.key,
        is_test: false,
        user_column_data: [
          { column_id: 'FULL_NAME', string_value: 'Bench Lead' },
          { column_id: 'EMAIL', string_value: `google-${run}-${phase}-${n}@example.com` },
        ],
      }),
    });
  }
  if (kind === 'meta-lead') {
    return (options) => {
      const body = JSON.stringify({
        object: 'page',
        entry: [{ id: options.pageId, time: 1764752040, changes: [{ field: 'leadgen', value: { leadgen_id: `${phase}${n++}`, page_id: options.pageId, form_id: '987654321098765' } }] }],
      });
      return { body, headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', options.appSecret).update(body).digest('hex')}` } };
    };
  }
  if (kind === 'mailgun-event') {
    return (options) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const token = randomBytes(25).toString('hex');
      const id = `${phase}-${n++}`;
      const signature = createHmac('sha256', options.signingKey).update(timestamp + token).digest('hex');
      return JSON.stringify({
        signature: { timestamp, token, signature },
        'event-data': { id, event: 'delivered', timestamp: Date.now() / 1000, recipient: `mg-${n}@example.com`, message: { headers: { 'message-id': `${run}-${id}@bench.example.com` } } },
      });
    };
  }
  if (kind === 'sendgrid-batch') {
    let key;
    return (options) => {
      key ??= createPrivateKey(options.privateKeyPem);
      const now = Math.floor(Date.now() / 1000);
      const events = [];
      for (let i = 0; i < options.batch; i++) {
        const id = `${phase}-${n++}`;
        events.push({ email: `sg-${n}@example.com`, timestamp: now, event: 'delivered', sg_event_id: id, sg_message_id: `${run}${id}.filter0001`, 'smtp-id': `<${run}-${id}@bench.example.com>` });
      }
      const body = `${JSON.stringify(events)}\r\n`;
      const timestamp = String(now);
      return { body, headers: { 'x-twilio-email-event-webhook-signature': sign('sha256', Buffer.from(timestamp + body), key).toString('base64'), 'x-twilio-email-event-webhook-timestamp': timestamp } };
    };
  }
  if (kind === 'whatsapp-message') {
    // A few dozen senders, as a busy number has: most messages come from a contact that already exists.
    return (options) => ({
      body: JSON.stringify({
        event: 'messages.upsert',
        session_id: options.sessionId,
        data: {
          key: { remoteJid: `3461200${String(n % 50).padStart(4, '0')}@s.whatsapp.net`, fromMe: false, id: `3EB0${phase}${run}${n++}`.toUpperCase() },
          message: { conversation: `Bench message ${n}` },
          messageTimestamp: String(Math.floor(Date.now() / 1000)),
          pushName: 'Bench contact',
        },
      }),
      headers: { 'x-node-secret': options.secret },
    });
  }
  if (kind === 'event') {
    return () => JSON.stringify({ type: 'custom.bench', data: { bench_phase: phase, seq: n++, run } });
  }
  throw new Error(`unknown body kind ${kind}`);
}

function run(options) {
  const nextBody = bodyFactory(options.body.kind, options.body.run, options.body.phase);
  const cannonOptions = {
    url: options.url,
    connections: options.connections,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.headers ?? {}) },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const next = nextBody(options.body);
          return typeof next === 'string' ? { ...request, body: next } : { ...request, body: next.body, headers: { ...request.headers, ...next.headers } };
        },
      },
    ],
    timeout: options.timeoutSeconds ?? 10,
  };
  if (options.amount) cannonOptions.amount = options.amount;
  else cannonOptions.duration = options.durationSeconds;
  if (options.overallRate) cannonOptions.overallRate = options.overallRate;

  return new Promise((resolve, reject) => {
    const startedAt = now();
    let lastResponseAt = startedAt;
    let ok = 0;
    const statusCodes = {};
    let firstFailure = null;
    let stoppedEarly = false;
    let stopTimer = null;
    const instance = autocannon(cannonOptions, (error, result) => {
      clearTimeout(stopTimer);
      if (error) return reject(error);
      const windowSeconds = (lastResponseAt - startedAt) / 1000;
      resolve({
        startedAt,
        lastResponseAt,
        windowSeconds,
        sent: result.requests.sent,
        completed: result.requests.total,
        ok,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes,
        firstFailure,
        okPerSecond: windowSeconds > 0 ? ok / windowSeconds : 0,
        stoppedEarly,
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
        autocannonDurationSeconds: result.duration,
      });
    });
    // `amount` runs are bounded too: stop after stopAfterSeconds and report what was sent.
    if (options.stopAfterSeconds) {
      stopTimer = setTimeout(() => {
        stoppedEarly = true;
        instance.stop();
      }, options.stopAfterSeconds * 1000);
    }
    instance.on('response', (client, statusCode) => {
      lastResponseAt = now();
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) ok++;
    });
    instance.on('reqError', (error) => {
      firstFailure ??= error.message;
    });
  });
}

process.on('message', async (message) => {
  if (message.cmd !== 'run') return;
  try {
    process.send({ id: message.id, ...(await run(message.options)) });
  } catch (error) {
    process.send({ id: message.id, error: error.message });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
