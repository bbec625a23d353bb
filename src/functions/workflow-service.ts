import { SpawnError } from '../errors/index.ts';
import type { Logger } from '../log/index.ts';
import type { Store, TaskRecord, WorkflowRecord, WorkflowRunRecord } from '../store/index.ts';
import { CreateWorkflowRequestSchema, ExecuteWorkflowRequestSchema } from '../api-schemas/index.ts';
import { parseBody } from './function-input.ts';
import { newId } from './ids.ts';
import { validateInputs } from './input-schema.ts';
import type { TaskService } from './task-service.ts';
import type { FileService } from './files/index.ts';
import { collectRefs, resolveRefs, validateDag } from './workflow-dag.ts';
import { readySteps, runVerdict, stepStatuses, type StepStatus } from './workflow-steps.ts';

const LIST_LIMIT = 200;

export interface WorkflowServiceDeps {
  store: Store;
  tasks: TaskService;
  files: FileService;
  logger: Logger;
  /** Told once per run, by the node that closed it (studies finish when their last run does). */
  onRunFinished?: (run: WorkflowRunRecord) => void;
}

/**
 * Workflows (validated DAGs of function steps) and their runs. `advance` starts every step whose
 * dependencies completed and closes the run when nothing is left; it is idempotent and safe on
 * several nodes at once (a step's task is unique per run), so any node may call it any time.
 */
export class WorkflowService {
  readonly #d: WorkflowServiceDeps;

  constructor(deps: WorkflowServiceDeps) {
    this.#d = deps;
  }

  async create(ownerId: string, body: unknown): Promise<WorkflowRecord> {
    const input = parseBody(CreateWorkflowRequestSchema, body);
    const steps = input.steps.map((s) => ({ id: s.id, functionId: s.functionId, inputs: s.inputs ?? {} }));
    validateDag(steps);
    for (const step of steps) {
      const fn = await this.#d.store.functions.latest(step.functionId);
      if (!fn || fn.ownerId !== ownerId) throw new SpawnError('WORKFLOW_UNKNOWN_FUNCTION', `step "${step.id}" names function ${step.functionId}, which does not exist`);
    }
    return this.#d.store.workflows.create({ id: newId('wf'), ownerId, name: input.name, steps });
  }

  async get(ownerId: string, workflowId: string): Promise<WorkflowRecord> {
    const workflow = await this.#d.store.workflows.get(workflowId);
    if (!workflow || workflow.ownerId !== ownerId) throw new SpawnError('WORKFLOW_NOT_FOUND', `no workflow ${workflowId}`);
    return workflow;
  }

  list(ownerId: string): Promise<WorkflowRecord[]> {
    return this.#d.store.workflows.listByOwner(ownerId, LIST_LIMIT);
  }

  async execute(ownerId: string, workflowId: string, body: unknown, study?: { studyId: string; studyIndex: number }): Promise<WorkflowRunRecord> {
    const { inputs = {} } = parseBody(ExecuteWorkflowRequestSchema, body);
    const workflow = await this.get(ownerId, workflowId);
    const run = await this.#d.store.workflows.createRun({ id: newId('run'), workflowId: workflow.id, ownerId, inputs, studyId: study?.studyId ?? null, studyIndex: study?.studyIndex ?? null });
    await this.advance(run.id);
    return run;
  }

  async getRun(ownerId: string, runId: string): Promise<{ run: WorkflowRunRecord; steps: StepStatus[] }> {
    const run = await this.#d.store.workflows.getRun(runId);
    if (!run || run.ownerId !== ownerId) throw new SpawnError('WORKFLOW_RUN_NOT_FOUND', `no workflow run ${runId}`);
    return { run, steps: await this.steps(run) };
  }

  async steps(run: WorkflowRunRecord): Promise<StepStatus[]> {
    const workflow = await this.#d.store.workflows.get(run.workflowId);
    return workflow ? stepStatuses(workflow, await this.#d.store.tasks.listByRun(run.id)) : [];
  }

  async advance(runId: string): Promise<void> {
    const { store } = this.#d;
    const run = await store.workflows.getRun(runId);
    const workflow = run && (await store.workflows.get(run.workflowId));
    if (!run || !workflow || run.state !== 'running') return;
    // Steps answered at once (cache hits, unresolvable inputs) can make more steps ready.
    for (let progressed = true; progressed; ) {
      progressed = false;
      const tasks = await store.tasks.listByRun(run.id);
      const statuses = stepStatuses(workflow, tasks);
      for (const stepId of readySteps(workflow, statuses)) {
        const started = await this.#startStep(run, workflow, stepId, tasks);
        if (started && started.state !== 'queued') progressed = true;
      }
      if (!progressed) {
        const verdict = runVerdict(stepStatuses(workflow, await store.tasks.listByRun(run.id)));
        const finished = verdict ? await store.workflows.finishRun(run.id, verdict.state, verdict.error) : null;
        if (finished) this.#d.onRunFinished?.(finished);
      }
    }
  }

  async #startStep(run: WorkflowRunRecord, workflow: WorkflowRecord, stepId: string, tasks: TaskRecord[]): Promise<TaskRecord | null> {
    const step = workflow.steps.find((s) => s.id === stepId);
    if (!step) return null;
    const context = { workflowRunId: run.id, stepId };
    const fn = await this.#d.store.functions.latest(step.functionId);
    if (!fn) {
      const message = `function ${step.functionId} was deleted`;
      return this.#d.tasks.create({ id: newId('task'), ownerId: run.ownerId, functionId: step.functionId, version: 0, inputs: {}, state: 'failed', errorCode: 'FUNCTION_NOT_FOUND', errorMessage: message, ...context });
    }
    const outputs = new Map(tasks.map((t) => [t.stepId, t.outputs]));
    const taskOf = new Map(tasks.map((t) => [t.stepId, t.id]));
    let inputs: unknown = {};
    try {
      const filesOf = async (id: string): Promise<Record<string, unknown>> => {
        const taskId = taskOf.get(id);
        return taskId ? Object.fromEntries((await this.#d.files.listForTask(taskId)).map((f) => [f.name, { $file: f.id }])) : {};
      };
      const stepFiles = new Map<string, unknown>();
      for (const ref of collectRefs(step.inputs)) if (ref.kind === 'step-files' && !stepFiles.has(ref.stepId)) stepFiles.set(ref.stepId, await filesOf(ref.stepId));
      inputs = resolveRefs(step.inputs, { inputs: run.inputs, outputsOf: (id) => outputs.get(id), filesOf: (id) => stepFiles.get(id) });
      validateInputs(fn.inputSchema, inputs);
      await this.#d.files.assertReadable(run.ownerId, inputs);
    } catch (err) {
      const code = err instanceof SpawnError ? err.code : 'FUNCTION_INPUT_INVALID';
      return this.#d.tasks.create({ id: newId('task'), ownerId: run.ownerId, functionId: fn.functionId, version: fn.version, inputs, state: 'failed', errorCode: code, errorMessage: (err as Error).message, ...context });
    }
    return this.#d.tasks.submit(fn, inputs, context);
  }
}
