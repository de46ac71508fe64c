import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DeepPartial, Repository } from 'typeorm';
import { AppConfig } from '@hub/config';
import { AccountScope, SecretBox } from '@hub/database';
import { decodeCursor, ErrorDetail, Page, PageQueryDto, toPage } from '@hub/http';
import { generateEndpointSecret } from '@hub/subscriptions';
import { WorkflowStep } from '../steps/workflow-step';
import { TriggerDirectory } from '../trigger/trigger-directory';
import { CreateWorkflowDto, UpdateWorkflowDto } from './dto/workflow-input.dto';
import { WorkflowDto, WorkflowSecretDto, WorkflowWithSecretDto } from './dto/workflow-response.dto';
import { toWorkflowStep, WorkflowStepDto } from './dto/workflow-step.dto';
import { StepReferences } from './step-references';
import { Workflow } from './workflow.entity';
import { toWorkflowDto } from './workflow-response.mapper';
import { generateWebhookId } from './webhook-id';

function fieldErrors(details: ErrorDetail[]): BadRequestException {
  return new BadRequestException({ message: details.map((d) => d.message).join('; '), details });
}

/** Workflow CRUD and trigger rotation. Every change forgets the webhook ids it touched in this process's trigger cache. */
@Injectable()
export class WorkflowsService {
  readonly scope: AccountScope<Workflow>;

  constructor(
    @InjectRepository(Workflow) private readonly repository: Repository<Workflow>,
    private readonly config: AppConfig,
    private readonly box: SecretBox,
    private readonly references: StepReferences,
    private readonly directory: TriggerDirectory,
  ) {
    this.scope = new AccountScope(repository, 'Workflow');
  }

  async create(accountId: string, dto: CreateWorkflowDto): Promise<WorkflowWithSecretDto> {
    const steps = await this.checkSteps(accountId, dto.steps);
    const webhookId = dto.webhook_id === undefined ? generateWebhookId() : await this.sharedWebhookId(accountId, dto.webhook_id);
    const secret = generateEndpointSecret();
    const saved = await this.scope.create(accountId, {
      name: dto.name,
      description: dto.description ?? null,
      active: dto.active ?? true,
      webhook_id: webhookId,
      steps,
      secret_encrypted: this.box.encrypt(secret),
    } as DeepPartial<Workflow>);
    this.directory.invalidate(webhookId);
    return { ...this.toDto(saved), signing_secret: secret };
  }

  async list(accountId: string, query: PageQueryDto): Promise<Page<WorkflowDto>> {
    const qb = this.scope.queryBuilder(accountId, 'w');
    const cursor = decodeCursor(query.cursor);
    if (cursor) qb.andWhere('(w.created_at, w.id) < (:at, :cid)', { at: cursor.createdAt, cid: cursor.id });
    const rows = await qb.orderBy('w.created_at', 'DESC').addOrderBy('w.id', 'DESC').take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (workflow) => this.toDto(workflow));
  }

  async get(accountId: string, id: string): Promise<WorkflowDto> {
    return this.toDto(await this.scope.get(accountId, id));
  }

  async update(accountId: string, id: string, dto: UpdateWorkflowDto): Promise<WorkflowDto> {
    const current = await this.scope.get(accountId, id);
    const patch: DeepPartial<Workflow> = {};
    if (dto.name !== undefined) patch.name = dto.name;
    if (dto.description !== undefined) patch.description = dto.description;
    if (dto.active !== undefined) patch.active = dto.active;
    if (dto.steps !== undefined) patch.steps = (await this.checkSteps(accountId, dto.steps)) as DeepPartial<WorkflowStep[]>;
    if (dto.webhook_id !== undefined && dto.webhook_id !== current.webhook_id) patch.webhook_id = await this.sharedWebhookId(accountId, dto.webhook_id);
    const saved = await this.scope.update(accountId, id, patch);
    this.directory.invalidate(current.webhook_id, saved.webhook_id);
    return this.toDto(saved);
  }

  /** Runs of the workflow go with it. */
  async remove(accountId: string, id: string): Promise<void> {
    const removed = await this.scope.remove(accountId, id);
    this.directory.invalidate(removed.webhook_id);
  }

  /** A new webhook id for this workflow and every workflow of the account that shared the old one; the old id answers 404 from then on. */
  async rotateTrigger(accountId: string, id: string): Promise<WorkflowDto> {
    const current = await this.scope.get(accountId, id);
    const next = generateWebhookId();
    await this.repository
      .createQueryBuilder()
      .update(Workflow)
      .set({ webhook_id: next })
      .where('account_id = :accountId AND webhook_id = :old', { accountId, old: current.webhook_id })
      .execute();
    this.directory.invalidate(current.webhook_id, next);
    return this.get(accountId, id);
  }

  async revealSecret(accountId: string, id: string): Promise<WorkflowSecretDto> {
    const workflow = await this.scope.get(accountId, id);
    return { signing_secret: this.box.decrypt(workflow.secret_encrypted) };
  }

  private toDto(workflow: Workflow): WorkflowDto {
    return toWorkflowDto(workflow, this.config.publicUrl);
  }

  /** The steps as stored, once what they point at is the account's (their shape was checked by the DTOs). */
  private async checkSteps(accountId: string, input: WorkflowStepDto[]): Promise<WorkflowStep[]> {
    const steps = input.map(toWorkflowStep);
    const missing = await this.references.problems(accountId, steps);
    if (missing.length > 0) throw fieldErrors(missing);
    return steps;
  }

  /** Another account's id (or an unknown one) is indistinguishable from a typo: 400 naming webhook_id. */
  private async sharedWebhookId(accountId: string, webhookId: string): Promise<string> {
    const sharing = await this.scope.findOneBy(accountId, { webhook_id: webhookId });
    if (!sharing) throw fieldErrors([{ field: 'webhook_id', message: 'webhook_id is not the trigger of a workflow of this account' }]);
    return webhookId;
  }
}
