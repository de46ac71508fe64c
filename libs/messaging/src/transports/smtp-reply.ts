// SES: "250 Ok 0100018c7f3e5c0b-2a8f1d4e-...-000000"
const SES_REPLY = /^250[ -](?:\d\.\d\.\d )?Ok ([A-Za-z0-9][A-Za-z0-9._@-]*)\s*$/i;
// SendGrid, Postmark, Postfix relays: "250 Ok: queued as sM5dO2PpS-2l6FZQ-VDcPg", "250 2.0.0 Ok: queued as 4Fh3Yx0abc"
const QUEUED_AS = /\bqueued as <?([A-Za-z0-9][A-Za-z0-9._@-]*)>?/i;

/**
 * The provider's own message id from the SMTP server's final reply to DATA,
 * when it gives one (SES answers `250 Ok <id>`; many relays `queued as <id>`);
 * ESP delivery webhooks report that id. Null when the reply carries none.
 */
export function providerIdFromSmtpReply(reply: string | null | undefined): string | null {
  if (!reply) return null;
  const line = reply.trim().split(/\r?\n/).pop() ?? '';
  return SES_REPLY.exec(line)?.[1] ?? QUEUED_AS.exec(line)?.[1] ?? null;
}
