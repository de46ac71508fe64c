import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors } from '@hub/http';
import { NodeRoute } from '../node-auth/node-route.decorator';
import { SessionReportDto, SessionSyncDto } from './dto/session-report.dto';
import { SessionSyncResultDto, SessionViewDto } from './dto/session-view.dto';
import { SessionReportsService } from './session-reports.service';

@Controller('api/whatsapp/session')
export class SessionsController {
  constructor(private readonly reports: SessionReportsService) {}

  @Post('status')
  @HttpCode(200)
  @NodeRoute()
  @ApiOperation({
    summary: 'The node reports a session: connected (with its phone), disconnected, or qr (with the QR string to scan)',
    description: 'Recorded on the WhatsApp channel before the answer; a change of status, phone or QR emits whatsapp.session.updated. The answer is the session as now recorded.',
  })
  @ApiOkResponse({ type: SessionViewDto })
  @ApiErrors(400, 401, 404, 413, 415, 503)
  report(@Req() request: FastifyRequest, @Body() body: SessionReportDto): Promise<SessionViewDto> {
    return this.reports.report(request, body);
  }

  @Post('sync')
  @HttpCode(200)
  @NodeRoute()
  @ApiOperation({
    summary: 'The node lists every session it runs (on start-up): each is recorded, and every other connected or QR-waiting session becomes disconnected',
    description: 'One transaction. Session ids that name no WhatsApp channel are answered back in `unknown` and otherwise ignored.',
  })
  @ApiOkResponse({ type: SessionSyncResultDto })
  @ApiErrors(400, 401, 413, 415, 503)
  sync(@Req() request: FastifyRequest, @Body() body: SessionSyncDto): Promise<SessionSyncResultDto> {
    return this.reports.sync(request, body);
  }

  @Get('status/:session_id')
  @NodeRoute()
  @ApiOperation({ summary: 'The session as the hub has it (the node asks on reconnect what the hub last recorded)' })
  @ApiParam({ name: 'session_id', example: 'wa_3q2-7wEvBRj5XU8yPd1sLg' })
  @ApiOkResponse({ type: SessionViewDto })
  @ApiErrors(401, 404, 503)
  status(@Param('session_id') sessionId: string): Promise<SessionViewDto> {
    return this.reports.status(sessionId);
  }
}
