import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { LeadSourcesService } from '../sources/lead-sources.service';
import { LeadDto, RetriedLeadsDto, TestLeadResultDto } from './dto/lead.dto';

const ID_PARAM = { name: 'id', example: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70' };

@ApiTags('lead-sources')
@ApiBearerAuth()
@Controller('api/lead-sources/:id')
export class SourceLeadsController {
  constructor(private readonly sources: LeadSourcesService) {}

  @Get('leads')
  @ApiOperation({ summary: 'The 50 most recent leads of a source, with what became of each (captured, pending, failed and why, test)' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: [LeadDto] })
  @ApiErrors(401, 404)
  leads(@AccountId() accountId: string, @Param('id') id: string): Promise<LeadDto[]> {
    return this.sources.recentLeads(accountId, id);
  }

  @Post('test-lead')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a test lead through the source\u2019s public route (signed with its app secret for Meta) and wait a few seconds for the worker to capture it',
    description: 'The lead is marked test and carries sample answers (Test Lead, a test-lead-…@example.com address); it becomes a contact, enrols into the source\u2019s workflow and emits lead.captured like any other.',
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: TestLeadResultDto })
  @ApiErrors(401, 404)
  testLead(@AccountId() accountId: string, @Param('id') id: string): Promise<TestLeadResultDto> {
    return this.sources.sendTestLead(accountId, id);
  }

  @Post('retry-failed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Capture the source\u2019s failed leads again (after fixing its page access token, say)' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: RetriedLeadsDto })
  @ApiErrors(401, 404)
  retryFailed(@AccountId() accountId: string, @Param('id') id: string): Promise<RetriedLeadsDto> {
    return this.sources.retryFailedLeads(accountId, id);
  }
}
