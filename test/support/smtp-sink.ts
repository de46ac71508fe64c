import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** SMTP envelope recipients. */
  to: string[];
  from: string | null;
  /** The user that authenticated, when the server asks for auth. */
  user: string | null;
  parsed: ParsedMail;
  raw: string;
}

/** How the server answers one DATA: accept (with the final reply text), or reject with an SMTP code. */
export type DataAnswer = { accept: true; reply?: string } | { accept: false; code: number; message: string };

/**
 * A real SMTP server on 127.0.0.1 (port 0, plaintext, no STARTTLS) that parses
 * what it receives with mailparser. With `auth`, it asks for that user and password.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  /** DATA commands seen, accepted or not. */
  dataCount = 0;
  answer: (n: number) => DataAnswer = () => ({ accept: true });
  private server!: SMTPServer;
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(private readonly auth?: { user: string; pass: string }) {}

  async start(): Promise<this> {
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: this.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !this.auth,
      allowInsecureAuth: true,
      logger: false,
      closeTimeout: 1000,
      onAuth: (auth, _session, callback) => {
        if (this.auth && auth.username === this.auth.user && auth.password === this.auth.pass) return callback(null, { user: auth.username });
        return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const answer = this.answer(++this.dataCount);
          if (!answer.accept) return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.mails.push({
                to: session.envelope.rcptTo.map((r) => r.address),
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                user: (session.user as string | undefined) ?? null,
                parsed,
                raw,
              });
              this.waiters = this.waiters.filter((w) => (this.mails.length >= w.count ? (w.resolve(), false) : true));
              callback(null, answer.reply);
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Resolves once `count` mails have been accepted (fails after timeoutMs). */
  waitFor(count: number, timeoutMs = 20000): Promise<void> {
    if (this.mails.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`SMTP sink got ${this.mails.length} of ${count} mails in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** A header as sent, unfolded (`List-Unsubscribe`, …). */
  static header(mail: ReceivedMail, name: string): string | undefined {
    const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
    return line?.replace(/\r?\n[ \t]+/g, ' ').slice(name.length + 1).trim();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
