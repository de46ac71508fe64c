import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { ApiError } from '../../api/client';
import type { Channel, Group, Workflow, WorkflowStepType } from '../../api/types';
import { FieldError } from '../../ui/FieldError';
import { errorMessage } from '../../ui/PageStates';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';
import { PlaceholderPanel } from './PlaceholderPanel';
import { StepCard } from './StepCard';
import { useCreateWorkflow, useUpdateWorkflow } from './useWorkflows';
import {
  MAX_STEPS,
  STEP_LABELS,
  STEP_TYPES,
  emptyStep,
  formValues,
  placeApiError,
  toWorkflowInput,
  workflowFormSchema,
  type WorkflowFormValues,
} from './workflowFormModel';

interface WorkflowFormProps {
  /** The workflow being edited; a new one when absent. */
  workflow?: Workflow;
  channels: Channel[];
  groups: Group[];
  /** Variable names seen in the workflow's recent runs. */
  seenKeys: string[];
  onReloadOptions: () => void;
  onSaved: (workflow: Workflow, created: boolean) => void;
  onCancel: () => void;
}

interface SaveProblem {
  message: string;
  others: string[];
}

/** Focus the first control of an element once React has drawn it. */
function focusLater(selector: string) {
  requestAnimationFrame(() => {
    const element = document.querySelector<HTMLElement>(selector);
    element?.focus();
  });
}

export function WorkflowForm({ workflow, channels, groups, seenKeys, onReloadOptions, onSaved, onCancel }: WorkflowFormProps) {
  const form = useForm<WorkflowFormValues>({ resolver: zodResolver(workflowFormSchema), defaultValues: formValues(workflow) });
  const { register, handleSubmit, control, setError, setFocus, formState, watch } = form;
  const steps = useFieldArray({ control, name: 'steps' });
  const create = useCreateWorkflow();
  const update = useUpdateWorkflow(workflow?.id ?? '');
  const [saveProblem, setSaveProblem] = useState<SaveProblem | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const unsaved = useUnsavedChanges({
    dirty: formState.isDirty,
    what: workflow ? `“${workflow.name}”` : 'this new workflow',
    // The Steps and Runs tabs of the same workflow keep the form on screen.
    keepsForm: (current, next) =>
      current.pathname === next.pathname &&
      new URLSearchParams(current.search).get('workflow') === new URLSearchParams(next.search).get('workflow'),
  });
  const saving = create.isPending || update.isPending;
  const types = watch('steps').map((step) => step.type);
  const stepsError = formState.errors.steps?.root?.message ?? formState.errors.steps?.message;

  useEffect(() => {
    if (!workflow) setFocus('name');
  }, [setFocus, workflow]);

  const addStep = (type: WorkflowStepType) => {
    const index = steps.fields.length;
    steps.append(emptyStep(type), { shouldFocus: false });
    focusLater(`#step-${index} :is(input, select, textarea):not([disabled])`);
  };
  const moveStep = (from: number, to: number) => {
    steps.move(from, to);
    const direction = to < from ? 'up' : 'down';
    const edge = direction === 'up' ? to === 0 : to === steps.fields.length - 1;
    focusLater(`#step-${to}-${edge ? (direction === 'up' ? 'down' : 'up') : direction}`);
  };
  const removeStep = (index: number) => {
    steps.remove(index);
    const left = steps.fields.length - 1;
    focusLater(left === 0 ? '#add-step-toolbar button' : `#step-${Math.min(index, left - 1)}-remove`);
  };

  const showSaveError = (error: unknown, sent: WorkflowFormValues) => {
    const others: string[] = [];
    let placed = 0;
    if (error instanceof ApiError) {
      for (const detail of error.fieldErrors) {
        const spot = placeApiError(detail.field, detail.message, sent);
        if (spot) {
          setError(spot.field as FieldPath<WorkflowFormValues>, { message: spot.message }, { shouldFocus: placed === 0 });
          placed += 1;
        } else others.push(detail.message);
      }
    }
    setSaveProblem({
      message: placed > 0 ? 'Nothing was saved: fix the fields marked below.' : `Nothing was saved: ${errorMessage(error)}`,
      others,
    });
  };

  const onSubmit = handleSubmit(async (values) => {
    setSaveProblem(null);
    setSavedNote(null);
    const body = toWorkflowInput(values);
    try {
      if (workflow) {
        const saved = await update.mutateAsync(body);
        form.reset(formValues(saved));
        setSavedNote('Changes saved. New enrolments follow these steps; runs already going on keep the steps they started with.');
        onSaved(saved, false);
      } else {
        onSaved(unsaved.markSaved(await create.mutateAsync(body)), true);
      }
    } catch (error) {
      showSaveError(error, values);
    }
  });

  const title = workflow ? 'Steps and settings' : 'New workflow';
  return (
    <div className="workflow-editor">
      <form className="card form-card" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={workflow ? `Edit workflow ${workflow.name}` : 'New workflow'}>
        <h2>{title}</h2>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="workflow-name">Name</label>
            <input
              id="workflow-name"
              type="text"
              placeholder="e.g. Welcome series"
              aria-invalid={formState.errors.name ? true : undefined}
              aria-describedby={formState.errors.name ? 'workflow-name-error' : undefined}
              {...register('name')}
            />
            <FieldError id="workflow-name-error" message={formState.errors.name?.message} />
          </div>
          <div className="field">
            <label htmlFor="workflow-description">Description</label>
            <input
              id="workflow-description"
              type="text"
              placeholder="Optional: what it is for"
              aria-invalid={formState.errors.description ? true : undefined}
              aria-describedby={formState.errors.description ? 'workflow-description-error' : undefined}
              {...register('description')}
            />
            <FieldError id="workflow-description-error" message={formState.errors.description?.message} />
          </div>
        </div>
        <label className="checkbox-label switch-label">
          <input type="checkbox" role="switch" {...register('active')} aria-describedby="workflow-active-hint" /> Active
        </label>
        <p id="workflow-active-hint" className="field-hint">
          Only an active workflow enrols contacts when its trigger URL is called. Runs already going on continue either
          way.
        </p>

        <h3 className="steps-title">Steps</h3>
        <p className="field-hint">Each contact the trigger enrols goes through these in order.</p>
        {steps.fields.length === 0 ? (
          <div className="state state-empty steps-empty">
            <p className="state-title">No steps yet.</p>
            <p className="state-hint">
              Add the first one below: send a message, wait, call a URL, update the contact or add it to a group. Without steps the
              trigger only creates or updates the contact.
            </p>
          </div>
        ) : (
          <ol className="step-list">
            {steps.fields.map((field, index) => (
              <StepCard
                key={field.id}
                form={form}
                index={index}
                count={steps.fields.length}
                channels={channels}
                groups={groups}
                onReloadOptions={onReloadOptions}
                onMove={moveStep}
                onRemove={removeStep}
              />
            ))}
          </ol>
        )}
        <FieldError id="workflow-steps-error" message={stepsError} />
        <div className="add-step" id="add-step-toolbar" role="group" aria-label="Add a step">
          <span className="add-step-label" aria-hidden="true">
            Add a step:
          </span>
          {STEP_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              className="button button-small"
              aria-label={`Add ${STEP_LABELS[type]} step`}
              disabled={steps.fields.length >= MAX_STEPS}
              onClick={() => addStep(type)}
            >
              + {STEP_LABELS[type]}
            </button>
          ))}
        </div>

        {saveProblem && (
          <div className="form-error" role="alert">
            <p>{saveProblem.message}</p>
            {saveProblem.others.length > 0 && (
              <ul>
                {saveProblem.others.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {savedNote && (
          <p className="notice" role="status">
            {savedNote}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving}>
            {saving ? 'Saving…' : workflow ? 'Save changes' : 'Create workflow'}
          </button>
          {workflow ? (
            <button type="button" className="button" onClick={() => form.reset(formValues(workflow))} disabled={saving || !formState.isDirty}>
              Discard changes
            </button>
          ) : (
            <button type="button" className="button" onClick={onCancel} disabled={saving}>
              Cancel
            </button>
          )}
          {!workflow && <p className="field-hint">The trigger URL appears once the workflow is created.</p>}
        </div>
      </form>
      <PlaceholderPanel hasEmail={types.includes('send_email')} seenKeys={seenKeys} />
    </div>
  );
}
