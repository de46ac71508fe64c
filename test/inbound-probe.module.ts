import { Body, Controller, HttpCode, Module, Param, Post, Req, UnprocessableEntityException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { InboundLogService, InboundRoute, inboundState } from '../libs/inbound-log/src';

/**
 * A minimal inbound route built on the shared mechanism, the way a real one
 * (automation trigger, ESP webhook) uses it: attribute the request to an
 * account, store what it carries and the log row in one transaction, answer.
 */
@Controller('api/test-inbound')
class InboundProbeController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbound: InboundLogService,
  ) {}

  @Post(':accountId')
  @HttpCode(200)
  @InboundRoute('probe')
  async receive(@Param('accountId') accountId: string, @Body() body: Record<string, unknown>, @Req() request: FastifyRequest) {
    inboundState(request).accountId = accountId;
    inboundState(request).verification = 'not_required';
    if (typeof body !== 'object' || body === null || !('email' in body)) throw new UnprocessableEntityException('email is required');
    await this.dataSource.transaction(async (tx) => {
      await tx.query('CREATE TABLE IF NOT EXISTS probe_items (email text)');
      await tx.query('INSERT INTO probe_items (email) VALUES ($1)', [String(body.email)]);
      await this.inbound.record(request, 200, {}, tx);
    });
    return { stored: true };
  }
}

@Module({ controllers: [InboundProbeController] })
export class InboundProbeModule {}
