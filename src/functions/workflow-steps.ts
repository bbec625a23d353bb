import type { TaskState } from '../api-types.ts';
import type { TaskRecord, WorkflowRecord } from '../store/index.ts';
import { stepDependencies } from './workflow-dag.ts';

export interface StepStatus {
  id: string;
  functionId: string;
  state: TaskState | 'pending' | 'skipped';
  task: TaskRecord | null;
  /** Why a skipped step did not run. */
  skippedBecause: string | null;
}

const FAILED: ReadonlySet<StepStatus['state']> = new Set(['failed', 'timeout', 'skipped']);

/**
 * Where each step of a run stands, from its tasks alone: a step with a task has the task's state;
 * one without is `skipped` when a dependency failed (or was skipped), else `pending`.
 */
export function stepStatuses(workflow: WorkflowRecord, tasks: TaskRecord[]): StepStatus[] {
  const byStep = new Map(tasks.map((t) => [t.stepId, t]));
  const deps = stepDependencies(workflow.steps);
  const statuses = new Map<string, StepStatus>();
  const statusOf = (stepId: string): StepStatus => {
    const known = statuses.get(stepId);
    if (known) return known;
    const step = workflow.steps.find((s) => s.id === stepId);
    const task = byStep.get(stepId) ?? null;
    let status: StepStatus = { id: stepId, functionId: step?.functionId ?? '', state: task?.state ?? 'pending', task, skippedBecause: null };
    if (!task) {
      // Stored workflows are DAGs (checked at creation), so this recursion ends.
      const failedDep = (deps.get(stepId) ?? []).map(statusOf).find((d) => FAILED.has(d.state));
      if (failedDep) {
        const how = failedDep.state === 'skipped' ? 'was skipped' : failedDep.state === 'timeout' ? 'timed out' : 'failed';
        status = { ...status, state: 'skipped', skippedBecause: `not run: it depends on step "${failedDep.id}", which ${how}` };
      }
    }
    statuses.set(stepId, status);
    return status;
  };
  return workflow.steps.map((s) => statusOf(s.id));
}

/** Ready: no task yet, and every dependency completed. */
export function readySteps(workflow: WorkflowRecord, statuses: StepStatus[]): string[] {
  const deps = stepDependencies(workflow.steps);
  const stateOf = new Map(statuses.map((s) => [s.id, s.state]));
  return statuses.filter((s) => s.state === 'pending' && (deps.get(s.id) ?? []).every((d) => stateOf.get(d) === 'completed')).map((s) => s.id);
}

/** The run's verdict once every step is final or skipped; null while work remains. */
export function runVerdict(statuses: StepStatus[]): { state: 'completed' | 'failed'; error: string | null } | null {
  if (statuses.some((s) => s.state === 'pending' || s.state === 'queued' || s.state === 'running')) return null;
  const failed = statuses.filter((s) => s.state === 'failed' || s.state === 'timeout');
  const skipped = statuses.filter((s) => s.state === 'skipped');
  if (failed.length === 0 && skipped.length === 0) return { state: 'completed', error: null };
  const parts = failed.map((s) => `step "${s.id}" ${s.state === 'timeout' ? 'timed out' : 'failed'} (${s.task?.errorCode ?? 'error'})`);
  if (skipped.length) parts.push(`skipped: ${skipped.map((s) => s.id).join(', ')}`);
  return { state: 'failed', error: parts.join('; ') };
}
