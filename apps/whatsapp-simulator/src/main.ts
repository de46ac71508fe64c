import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { WhatsappNodeSimulator } from './node-simulator';

const HELP = `npm run whatsapp:simulate -- --secret <WHATSAPP_NODE_SECRET> --session <session_id> [--hub http://localhost:3000] [--port 3100] [--phone +15555550100] [--scan-after 5]

Plays the WhatsApp node service against a running hub (start the hub with WHATSAPP_NODE_SECRET set and
WHATSAPP_NODE_URL=http://127.0.0.1:<port>). It reports the session's QR code, then, --scan-after seconds later,
that it connected with --phone (as if the QR had been scanned). Messages the hub sends are answered and
acknowledged 1 (sent), 2 (delivered), 3 (read). Then type:
  say <phone> <text>     a contact writes to the session (messages.upsert)
  qr | connect | disconnect
  call <phone>           a call rings (call, status offer)
  sync                   the node's start-up list (this session only: the hub disconnects the others)
  quit`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      hub: { type: 'string', default: 'http://localhost:3000' },
      secret: { type: 'string' },
      session: { type: 'string' },
      port: { type: 'string', default: '3100' },
      phone: { type: 'string', default: '+15555550100' },
      'scan-after': { type: 'string', default: '5' },
      'ack-delay': { type: 'string', default: '1000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.secret || !values.session) {
    console.log(HELP);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const session = values.session;
  const phone = values.phone;
  const simulator = await new WhatsappNodeSimulator({
    hubUrl: values.hub,
    secret: values.secret,
    port: Number(values.port),
    ackDelayMs: Number(values['ack-delay']),
    log: (line) => console.log(line),
  }).start();
  console.log(`Send API on ${simulator.url} (the hub's WHATSAPP_NODE_URL); reporting to ${values.hub}`);
  const show = (what: string, answer: { status: number; body: unknown }) => console.log(`${what} → ${answer.status} ${JSON.stringify(answer.body)}`);

  show('qr', await simulator.reportQr(session));
  const scan = setTimeout(() => void simulator.reportConnected(session, phone).then((answer) => show(`connected as ${phone}`, answer)), Number(values['scan-after']) * 1000);

  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [command, ...rest] = line.trim().split(/\s+/);
    try {
      if (command === 'say' && rest.length >= 2) show('message', (await simulator.receive(session, rest[0], rest.slice(1).join(' '))).answer);
      else if (command === 'qr') show('qr', await simulator.reportQr(session));
      else if (command === 'connect') show('connected', await simulator.reportConnected(session, phone));
      else if (command === 'disconnect') show('disconnected', await simulator.reportDisconnected(session));
      else if (command === 'call' && rest[0]) show('call', await simulator.event('call', session, { id: `CALL${Date.now()}`, from: rest[0], status: 'offer' }));
      else if (command === 'sync') show('sync', await simulator.sync([{ session_id: session, status: 'connected', phone }]));
      else if (command === 'quit') break;
      else if (command) console.log(HELP.split('Then type:')[1]);
    } catch (error) {
      console.log(`The hub could not be reached: ${(error as Error).message}`);
    }
  }
  clearTimeout(scan);
  lines.close();
  await simulator.stop();
}

void main();
