import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DeepPartial, Repository } from 'typeorm';
import { WorkflowsService } from '@hub/automation';
import { AppConfig } from '@hub/config';
import { AccountScope } from '@hub/database';
import { LeadDto, RetriedLeadsDto, TestLeadResultDto } from '../capture/dto/lead.dto';
import { LeadQueries } from '../capture/lead-queries';
import { LeadCaptureProducer } from '../queues/lead-capture/lead-capture.producer';
import { CreateLeadSourceDto, UpdateLeadSourceDto } from './dto/lead-source-input.dto';
import { LeadSourceDto } from './dto/lead-source.dto';
import { assertProviderFields } from './lead-source-fields';
import { toLeadSourceDto } from './lead-source-response';
import { LeadSourceLookup } from './lead-source-lookup';
import { LeadSourceSecrets } from './lead-source-secrets';
import { LeadSourceTester } from './lead-source-tester';
import { GOOGLE_KEY_INDEX, LeadSource } from './lead-source.entity';

/** `/api/lead-sources`: every write of a source's settings; what the inbound routes read is in LeadSourceLookup. */
@Injectable()
export class LeadSourcesService {
  private readonly scope: AccountScope<LeadSource>;

  constructor(
    @InjectRepository(LeadSource) repository: Repository<LeadSource>,
    private readonly secrets: LeadSourceSecrets,
    private readonly workflows: WorkflowsService,
    private readonly config: AppConfig,
    private readonly leads: LeadQueries,
    private readonly tester: LeadSourceTester,
    private readonly producer: LeadCaptureProducer,
    private readonly lookup: LeadSourceLookup,
  ) {
    this.scope = new AccountScope(repository, 'Lead source');
  }

  async create(accountId: string, dto: CreateLeadSourceDto): Promise<LeadSourceDto> {
    assertProviderFields(dto.provider, dto, true);
    await this.assertWorkflow(accountId, dto.workflow_id);
    const values: DeepPartial<LeadSource> = {
      provider: dto.provider,
      name: dto.name,
      page_id: dto.page_id ?? null,
      field_mapping: dto.field_mapping ?? null,
      workflow_id: dto.workflow_id ?? null,
      ...this.secretValues(dto, {}),
    };
    const created = await this.keyed(() => this.scope.create(accountId, values));
    this.lookup.invalidate();
    return this.toDto(created);
  }

  async list(accountId: string): Promise<LeadSourceDto[]> {
    const sources = await this.scope.find(accountId, { order: { created_at: 'DESC', id: 'DESC' } });
    return sources.map((source) => this.toDto(source));
  }

  async get(accountId: string, id: string): Promise<LeadSourceDto> {
    return this.toDto(await this.scope.get(accountId, id));
  }

  async update(accountId: string, id: string, dto: UpdateLeadSourceDto): Promise<LeadSourceDto> {
    const current = await this.scope.get(accountId, id);
    assertProviderFields(current.provider, dto, false);
    await this.assertWorkflow(accountId, dto.workflow_id);
    const patch: DeepPartial<LeadSource> = { ...this.secretValues(dto, current.secrets ?? {}) };
    if (dto.name !== undefined) patch.name = dto.name;
    if (dto.page_id !== undefined) patch.page_id = dto.page_id;
    if (dto.field_mapping !== undefined) patch.field_mapping = dto.field_mapping;
    if (dto.workflow_id !== undefined) patch.workflow_id = dto.workflow_id;
    const updated = await this.keyed(() => this.scope.update(accountId, id, patch));
    this.lookup.invalidate();
    return this.toDto(updated);
  }

  async remove(accountId: string, id: string): Promise<void> {
    await this.scope.remove(accountId, id);
    this.lookup.invalidate();
  }

  async recentLeads(accountId: string, id: string): Promise<LeadDto[]> {
    const source = await this.scope.get(accountId, id);
    return this.leads.recent(accountId, source.id);
  }

  async sendTestLead(accountId: string, id: string): Promise<TestLeadResultDto> {
    return this.tester.send(await this.scope.get(accountId, id));
  }

  async retryFailedLeads(accountId: string, id: string): Promise<RetriedLeadsDto> {
    const source = await this.scope.get(accountId, id);
    const ids = await this.leads.retryFailed(accountId, source.id);
    await this.producer.enqueue(ids.map((leadId) => ({ id: leadId, attempt_count: 0 })));
    return { retried: ids.length };
  }

  private toDto(source: LeadSource): LeadSourceDto {
    return toLeadSourceDto(source, this.config.publicUrl);
  }

  /** Secret columns for the values given; what is not given stays as stored. */
  private secretValues(dto: UpdateLeadSourceDto, stored: LeadSource['secrets']): DeepPartial<LeadSource> {
    const values: DeepPartial<LeadSource> = {};
    if (dto.verify_token !== undefined) values.verify_token_hash = this.secrets.lookupHash('verify_token', dto.verify_token);
    if (dto.google_key !== undefined) values.google_key_hash = this.secrets.lookupHash('google_key', dto.google_key);
    if (dto.app_secret !== undefined || dto.page_access_token !== undefined) {
      values.secrets = {
        ...stored,
        ...(dto.app_secret !== undefined ? { app_secret: this.secrets.encrypt(dto.app_secret) } : {}),
        ...(dto.page_access_token !== undefined ? { page_access_token: this.secrets.encrypt(dto.page_access_token) } : {}),
      };
    }
    return values;
  }

  private async assertWorkflow(accountId: string, workflowId: string | null | undefined): Promise<void> {
    if (!workflowId) return;
    try {
      await this.workflows.get(accountId, workflowId);
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
      const message = `workflow_id ${workflowId} is not a workflow of this account`;
      throw new BadRequestException({ message, details: [{ field: 'workflow_id', message }] });
    }
  }

  /** Google's requests find their source by key alone, so two sources cannot share one. */
  private async keyed(write: () => Promise<LeadSource>): Promise<LeadSource> {
    try {
      return await write();
    } catch (error) {
      const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (driverError?.code === '23505' && driverError.constraint === GOOGLE_KEY_INDEX) {
        const message = 'google_key is already in use; generate another';
        throw new ConflictException({ message, details: [{ field: 'google_key', message }] });
      }
      throw error;
    }
  }
}
