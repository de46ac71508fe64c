import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors, PageQueryDto } from '@hub/http';
import { WorkflowRunDto, WorkflowRunPageDto } from '../runs/dto/workflow-run.dto';
import { RunActions } from '../runs/run-actions.service';
import { RunQueries } from '../runs/run-queries.service';
import { CreateWorkflowDto, UpdateWorkflowDto } from './dto/workflow-input.dto';
import { WorkflowDto, WorkflowPageDto, WorkflowSecretDto, WorkflowWithSecretDto } from './dto/workflow-response.dto';
import { STEP_DTOS } from './dto/workflow-step.dto';
import { WorkflowsService } from './workflows.service';

const ID_PARAM = { name: 'id', example: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' };
const RUN_PARAM = { name: 'runId', example: '0f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b' };

@ApiTags('workflows')
@ApiBearerAuth()
@ApiExtraModels(...STEP_DTOS)
@Controller('api/workflows')
export class WorkflowsController {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly runs: RunQueries,
    private readonly runActions: RunActions,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Create a workflow with a webhook trigger (answers with its signing secret)',
    description: 'Steps are checked on save; 400 names each bad field as `steps[i].field`. Pass the webhook_id of another workflow of the account to share its trigger.',
  })
  @ApiCreatedResponse({ type: WorkflowWithSecretDto })
  @ApiErrors(400, 401)
  create(@AccountId() accountId: string, @Body() dto: CreateWorkflowDto): Promise<WorkflowWithSecretDto> {
    return this.workflows.create(accountId, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List workflows, newest first' })
  @ApiOkResponse({ type: WorkflowPageDto })
  @ApiErrors(400, 401)
  list(@AccountId() accountId: string, @Query() query: PageQueryDto): Promise<WorkflowPageDto> {
    return this.workflows.list(accountId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a workflow' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: WorkflowDto })
  @ApiErrors(401, 404)
  get(@AccountId() accountId: string, @Param('id') id: string): Promise<WorkflowDto> {
    return this.workflows.get(accountId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a workflow: omitted fields keep their value; new steps apply to new enrolments' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: WorkflowDto })
  @ApiErrors(400, 401, 404)
  update(@AccountId() accountId: string, @Param('id') id: string, @Body() dto: UpdateWorkflowDto): Promise<WorkflowDto> {
    return this.workflows.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a workflow and its runs' })
  @ApiParam(ID_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 404)
  async remove(@AccountId() accountId: string, @Param('id') id: string): Promise<void> {
    await this.workflows.remove(accountId, id);
  }

  @Post(':id/trigger/rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a new webhook id',
    description: 'Every workflow of the account that shared the old id moves to the new one; the old id answers 404 from then on (other api processes: within a few seconds).',
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: WorkflowDto })
  @ApiErrors(401, 404)
  rotate(@AccountId() accountId: string, @Param('id') id: string): Promise<WorkflowDto> {
    return this.workflows.rotateTrigger(accountId, id);
  }

  @Get(':id/secret')
  @ApiOperation({ summary: 'Reveal the secret that signs the http_request steps (Standard Webhooks)' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: WorkflowSecretDto })
  @ApiErrors(401, 404)
  secret(@AccountId() accountId: string, @Param('id') id: string): Promise<WorkflowSecretDto> {
    return this.workflows.revealSecret(accountId, id);
  }

  @Get(':id/runs')
  @ApiOperation({ summary: 'Enrolments of the workflow, newest first, with their variables and step states' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: WorkflowRunPageDto })
  @ApiErrors(400, 401, 404)
  listRuns(@AccountId() accountId: string, @Param('id') id: string, @Query() query: PageQueryDto): Promise<WorkflowRunPageDto> {
    return this.runs.list(accountId, id, query);
  }

  @Post(':id/runs/:runId/retry')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Try the run’s failing step now',
    description:
      'A run waiting for a step’s retry tries it now; a failed run tries its failed step again with a fresh set of attempts. ' +
      '409 while the step is running, and for a completed, cancelled or waiting (wait step) run.',
  })
  @ApiParam(ID_PARAM)
  @ApiParam(RUN_PARAM)
  @ApiAcceptedResponse({ type: WorkflowRunDto })
  @ApiErrors(401, 404, 409)
  retryRun(@AccountId() accountId: string, @Param('id') id: string, @Param('runId') runId: string): Promise<WorkflowRunDto> {
    return this.runActions.retry(accountId, id, runId);
  }

  @Post(':id/runs/:runId/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a running or waiting run where it is',
    description: 'The run ends as cancelled; later steps do not run and no workflow.completed is published. 409 while a step is running, and for a run that already ended.',
  })
  @ApiParam(ID_PARAM)
  @ApiParam(RUN_PARAM)
  @ApiOkResponse({ type: WorkflowRunDto })
  @ApiErrors(401, 404, 409)
  cancelRun(@AccountId() accountId: string, @Param('id') id: string, @Param('runId') runId: string): Promise<WorkflowRunDto> {
    return this.runActions.cancel(accountId, id, runId);
  }
}
