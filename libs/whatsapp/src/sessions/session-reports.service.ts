import { Injectable, NotFoundException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { SessionReport, WhatsappSessions } from '@hub/channels';
import { normalizePhone } from '@hub/contacts';
import { EventPublisher } from '@hub/events';
import { InboundLogService, inboundState } from '@hub/inbound-log';
import { SessionReportDto, SessionSyncDto } from './dto/session-report.dto';
import { SessionSyncResultDto, SessionViewDto } from './dto/session-view.dto';
import { publishSessionUpdated, toSessionView } from './session-events';

function reportOf(dto: SessionReportDto): SessionReport {
  return { status: dto.status, phone: dto.phone ? (normalizePhone(dto.phone.startsWith('+') ? dto.phone : `+${dto.phone}`) ?? dto.phone) : null, qr: dto.qr ?? null };
}

/**
 * What the node says about its sessions, recorded at once (no worker: one
 * row per session): the channel's status, phone and QR, its inbound log row
 * and, when something changed, whatsapp.session.updated, in one transaction.
 */
@Injectable()
export class SessionReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: WhatsappSessions,
    private readonly events: EventPublisher,
    private readonly inbound: InboundLogService,
  ) {}

  async status(sessionId: string): Promise<SessionViewDto> {
    const channel = await this.sessions.bySessionId(sessionId);
    if (!channel) throw this.unknown(sessionId);
    return toSessionView(channel);
  }

  async report(request: FastifyRequest, dto: SessionReportDto): Promise<SessionViewDto> {
    const channel = await this.sessions.bySessionId(dto.session_id);
    if (!channel) throw this.unknown(dto.session_id);
    inboundState(request).accountId = channel.account_id;
    return this.dataSource.transaction(async (tx) => {
      const reported = await this.sessions.report(tx, channel.id, reportOf(dto));
      // Deleted between the lookup and the lock.
      if (!reported) throw this.unknown(dto.session_id);
      if (reported.changed) await publishSessionUpdated(this.events, tx, reported.channel);
      await this.inbound.record(request, 200, {}, tx);
      return toSessionView(reported.channel);
    });
  }

  /** The node's start-up list: each listed session recorded, every other live one disconnected; unknown ids answered back, not an error. */
  async sync(request: FastifyRequest, dto: SessionSyncDto): Promise<SessionSyncResultDto> {
    // A session listed twice: the last entry is what the node means. Sorted, so concurrent syncs lock rows in one order.
    const bySession = new Map(dto.sessions.map((entry) => [entry.session_id, entry]));
    const ids = [...bySession.keys()].sort();
    return this.dataSource.transaction(async (tx) => {
      const channels = (await this.sessions.bySessionIds(ids, tx)).sort((a, b) => (a.session_id ?? '').localeCompare(b.session_id ?? ''));
      const known = new Set(channels.map((channel) => channel.session_id));
      for (const channel of channels) {
        const reported = await this.sessions.report(tx, channel.id, reportOf(bySession.get(channel.session_id ?? '') as SessionReportDto));
        if (reported?.changed) await publishSessionUpdated(this.events, tx, reported.channel);
      }
      const disconnected = await this.sessions.disconnectAllBut(tx, [...known] as string[]);
      for (const channel of disconnected) await publishSessionUpdated(this.events, tx, channel);
      await this.inbound.record(request, 200, {}, tx);
      return { updated: channels.length, unknown: ids.filter((id) => !known.has(id)), disconnected: disconnected.length };
    });
  }

  private unknown(sessionId: string): NotFoundException {
    return new NotFoundException(`No WhatsApp channel has session_id ${sessionId}`);
  }
}
