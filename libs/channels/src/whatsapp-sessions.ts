import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Channel } from './channel.entity';
import { SessionStatus } from './channel-kinds';

/** How fresh a session's last-seen time is kept. */
const SEEN_PRECISION_MS = 5_000;
const MAX_SEEN_CHANNELS = 10_000;

/** What the node service says about one session. `phone` null or absent keeps the stored one. */
export interface SessionReport {
  status: SessionStatus;
  phone?: string | null;
  qr?: string | null;
}

/** A WhatsApp channel after a report, and whether the report changed what subscribers are told (status, phone, QR). */
export interface ReportedSession {
  channel: Channel;
  changed: boolean;
}

type ReportedRow = Channel & { changed: boolean };

/**
 * The WhatsApp node service's view of `channels` (this lib alone writes the
 * table): find a channel by the session id the node names, record what the
 * node reports, and disconnect the sessions a node start-up sync left out.
 * Not account-scoped: the node knows sessions, not accounts, and the caller
 * has checked the node's secret before asking.
 */
@Injectable()
export class WhatsappSessions {
  /** When this process last wrote (or found fresh) each session's last-seen time. */
  private readonly lastSeenWrites = new Map<string, number>();

  constructor(@InjectRepository(Channel) private readonly channels: Repository<Channel>) {}

  /** The WhatsApp channel of this session id, or null. */
  bySessionId(sessionId: string, tx?: EntityManager): Promise<Channel | null> {
    const repository = tx ? tx.getRepository(Channel) : this.channels;
    return repository.findOneBy({ type: 'whatsapp', session_id: sessionId });
  }

  /** The WhatsApp channels of these session ids (the others are absent). */
  async bySessionIds(sessionIds: string[], tx: EntityManager): Promise<Channel[]> {
    if (sessionIds.length === 0) return [];
    return tx.getRepository(Channel).createQueryBuilder('c').where("c.type = 'whatsapp' AND c.session_id = ANY(:ids)", { ids: sessionIds }).getMany();
  }

  /**
   * Records a report on a channel (row-locked, so two reports of one session
   * apply one after the other). The QR is kept only while the status is `qr`.
   */
  async report(tx: EntityManager, channelId: string, report: SessionReport): Promise<ReportedSession | null> {
    const [rows] = (await tx.query(
      `WITH old AS (SELECT id, session_status, phone, session_qr FROM channels WHERE id = $1 AND type = 'whatsapp' FOR UPDATE),
            next AS (SELECT id, $2::text AS status, COALESCE($3::text, old.phone) AS phone, CASE WHEN $2::text = 'qr' THEN $4::text END AS qr,
                            (old.session_status IS DISTINCT FROM $2::text OR old.phone IS DISTINCT FROM COALESCE($3::text, old.phone)
                             OR old.session_qr IS DISTINCT FROM CASE WHEN $2::text = 'qr' THEN $4::text END) AS changed
                       FROM old)
       UPDATE channels c SET session_status = next.status, phone = next.phone, session_qr = next.qr, session_seen_at = now(),
              updated_at = CASE WHEN next.changed THEN now() ELSE c.updated_at END
         FROM next WHERE c.id = next.id
       RETURNING c.*, next.changed`,
      [channelId, report.status, report.phone ?? null, report.qr ?? null],
    )) as [ReportedRow[], number];
    const row = rows[0];
    if (!row) return null;
    const { changed, ...columns } = row;
    return { channel: this.channels.create(columns), changed };
  }

  /** Sessions the node did not list at start-up are not running there: every other connected or QR-waiting one becomes disconnected. */
  async disconnectAllBut(tx: EntityManager, listedSessionIds: string[]): Promise<Channel[]> {
    const [rows] = (await tx.query(
      `UPDATE channels SET session_status = 'disconnected', session_qr = NULL, session_seen_at = now(), updated_at = now()
        WHERE type = 'whatsapp' AND session_status IS DISTINCT FROM 'disconnected' AND NOT (session_id = ANY($1::text[]))
        RETURNING *`,
      [listedSessionIds],
    )) as [Channel[], number];
    return rows.map((row) => this.channels.create(row));
  }

  /**
   * The node reported an event on the session: it is alive. Written at most
   * every few seconds per session (events come in bursts); a process that
   * asked within that time does not ask again.
   */
  async seen(channelId: string): Promise<void> {
    const now = Date.now();
    if ((this.lastSeenWrites.get(channelId) ?? 0) > now - SEEN_PRECISION_MS) return;
    if (this.lastSeenWrites.size >= MAX_SEEN_CHANNELS) this.lastSeenWrites.clear();
    this.lastSeenWrites.set(channelId, now);
    await this.channels.query(
      `UPDATE channels SET session_seen_at = now() WHERE id = $1 AND (session_seen_at IS NULL OR session_seen_at < now() - make_interval(secs => $2::float / 1000))`,
      [channelId, SEEN_PRECISION_MS],
    );
  }
}
