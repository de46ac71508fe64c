import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ContactQueries, ContactsService } from '@hub/contacts';
import { GroupsService } from '@hub/groups';
import { TemplateBudget } from '@hub/messaging';
import { AddToGroupStep, UpdateContactStep } from '../../steps/workflow-step';
import { TemplateEngine } from '../../templates/template-engine';
import { StepContext, StepFailure, StepResult } from '../step-result';

/**
 * The steps that change the contact, inside the runner's transaction so the
 * change, its event (contact.updated, group.subscribed) and the step's state
 * commit together.
 */
@Injectable()
export class ContactSteps {
  constructor(
    private readonly templates: TemplateEngine,
    private readonly contacts: ContactsService,
    private readonly contactQueries: ContactQueries,
    private readonly groups: GroupsService,
  ) {}

  /**
   * Renders the fields and applies them through ContactsService.upsertByIdentity
   * with the contact's own email and phone (the service has no by-id update
   * that joins a caller's transaction): names overwrite unless blank, custom
   * fields merge (null removes). The run's variables follow the change, so
   * later steps see it.
   */
  async updateContact(tx: EntityManager, { run, step }: StepContext<UpdateContactStep>): Promise<StepResult> {
    const current = await this.contactQueries.get(run.account_id, run.contact_id, tx);
    const fields = await this.render(step, run.variables);
    const { contact } = await this.contacts.upsertByIdentity(tx, run.account_id, { email: current.email, phone: current.phone, ...fields });
    if (contact.id !== current.id) throw new StepFailure(`Contact ${current.id} could not be matched by its own email or phone`);
    return {
      kind: 'completed',
      output: { contact_id: contact.id, fields },
      variables: { ...contact.custom_fields, first_name: contact.first_name, last_name: contact.last_name },
    };
  }

  async addToGroup(tx: EntityManager, { run, step }: StepContext<AddToGroupStep>): Promise<StepResult> {
    const { changed } = await this.groups.subscribe(tx, run.account_id, step.group_id, run.contact_id, 'workflow');
    return { kind: 'completed', output: { group_id: step.group_id, already_subscribed: !changed } };
  }

  private async render(step: UpdateContactStep, variables: Record<string, unknown>) {
    try {
      const out: { first_name?: string; last_name?: string; custom_fields?: Record<string, unknown> } = {};
      const budget = new TemplateBudget();
      if (step.fields.first_name !== undefined) out.first_name = await this.templates.render(step.fields.first_name, variables, budget);
      if (step.fields.last_name !== undefined) out.last_name = await this.templates.render(step.fields.last_name, variables, budget);
      if (step.fields.custom_fields) out.custom_fields = (await this.templates.renderDeep(step.fields.custom_fields, variables, budget)) as Record<string, unknown>;
      return out;
    } catch (error) {
      throw new StepFailure(`Template did not render: ${(error as Error).message.split('\n')[0]}`);
    }
  }
}
