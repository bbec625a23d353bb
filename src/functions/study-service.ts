import type { StudyRow } from '../api-types.ts';
import { isFinal } from './task-service.ts';
import type { SpawnConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { StudyRecord, Store } from '../store/index.ts';
import type { FunctionRegistry } from './function-registry.ts';
import { CreateStudyRequestSchema } from '../api-schemas/index.ts';
import { parseBody } from './function-input.ts';
import { newId } from './ids.ts';
import { validateInputs } from './input-schema.ts';
import { studyCombinations, toCsv } from './study-grid.ts';
import type { TaskService } from './task-service.ts';
import type { WorkflowService } from './workflow-service.ts';

/** How a finished study's runs ended (the `study.completed` webhook's data). */
export interface StudyOutcome {
  study: StudyRecord;
  completed: number;
  failed: number;
}

/** Parameter sweeps: one task (function) or run (workflow) per combination of inputs. */
export class StudyService {
  readonly #d: { store: Store; config: SpawnConfig; registry: FunctionRegistry; tasks: TaskService; workflows: WorkflowService };

  constructor(deps: { store: Store; config: SpawnConfig; registry: FunctionRegistry; tasks: TaskService; workflows: WorkflowService }) {
    this.#d = deps;
  }

  async create(ownerId: string, body: unknown): Promise<StudyRecord> {
    const input = parseBody(CreateStudyRequestSchema, body);
    const mode = input.mode ?? 'grid';
    const combos = studyCombinations(input.parameters, mode, this.#d.config.functions.studyMaxRuns);
    const base = input.inputs ?? {};
    const runs = combos.map((c) => ({ ...base, ...c }));
    const fn = input.functionId ? await this.#d.registry.get(ownerId, input.functionId) : null;
    if (input.workflowId) await this.#d.workflows.get(ownerId, input.workflowId);
    // Every combination is checked before anything runs: a study starts whole or not at all.
    for (const [i, inputs] of runs.entries()) {
      try {
        if (fn) validateInputs(fn.inputSchema, inputs);
      } catch (err) {
        throw new SpawnError('FUNCTION_INPUT_INVALID', `run ${i} (${JSON.stringify(combos[i])}): ${(err as Error).message}`);
      }
    }
    const study = await this.#d.store.studies.create({
      id: newId('study'),
      ownerId,
      targetKind: fn ? 'function' : 'workflow',
      targetId: fn ? fn.functionId : (input.workflowId as string),
      mode,
      parameters: input.parameters,
      baseInputs: base,
      totalRuns: runs.length,
    });
    for (const [studyIndex, inputs] of runs.entries()) {
      if (fn) await this.#d.tasks.submit(fn, inputs, { studyId: study.id, studyIndex });
      else await this.#d.workflows.execute(ownerId, study.targetId, { inputs }, { studyId: study.id, studyIndex });
    }
    return study;
  }

  async get(ownerId: string, studyId: string): Promise<{ study: StudyRecord; rows: StudyRow[] }> {
    const study = await this.#d.store.studies.get(studyId);
    if (!study || study.ownerId !== ownerId) throw new SpawnError('STUDY_NOT_FOUND', `no study ${studyId}`);
    const combos = studyCombinations(study.parameters, study.mode, Number.MAX_SAFE_INTEGER);
    const rows: StudyRow[] = combos.map((c, index) => ({ index, inputs: c, state: 'pending', outputs: null, error: null, taskId: null, runId: null }));
    if (study.targetKind === 'function') {
      for (const t of await this.#d.store.tasks.listByStudy(study.id)) {
        const row = rows[t.studyIndex ?? -1];
        if (row) Object.assign(row, { state: t.state, outputs: t.outputs, error: t.errorMessage, taskId: t.id });
      }
    } else {
      for (const run of await this.#d.store.workflows.listRunsByStudy(study.id)) {
        const row = rows[run.studyIndex ?? -1];
        if (!row) continue;
        const steps = await this.#d.workflows.steps(run);
        const outputs = Object.fromEntries(steps.filter((s) => s.state === 'completed').map((s) => [s.id, s.task?.outputs ?? null]));
        Object.assign(row, { state: run.state, outputs: run.state === 'running' ? null : outputs, error: run.errorMessage, runId: run.id });
      }
    }
    return { study, rows };
  }

  /**
   * The study's outcome once every one of its runs has ended, else null. Called when one of its
   * tasks or runs ends; two last runs ending at once on two nodes may both see the study finished
   * (the webhook's delivery ids make that one delivery).
   */
  async outcomeIfFinished(studyId: string): Promise<StudyOutcome | null> {
    const study = await this.#d.store.studies.get(studyId);
    if (!study) return null;
    const states =
      study.targetKind === 'function'
        ? (await this.#d.store.tasks.listByStudy(study.id)).map((t) => (isFinal(t.state) ? (t.state === 'completed' ? 'completed' : 'failed') : null))
        : (await this.#d.store.workflows.listRunsByStudy(study.id)).map((r) => (r.state === 'running' ? null : r.state === 'completed' ? 'completed' : 'failed'));
    if (states.length < study.totalRuns || states.includes(null)) return null;
    const completed = states.filter((s) => s === 'completed').length;
    return { study, completed, failed: states.length - completed };
  }

  /** Parameters, state, one column per output field (`step.field` for workflows), error. */
  async csv(ownerId: string, studyId: string): Promise<string> {
    const { study, rows } = await this.get(ownerId, studyId);
    const params = Object.keys(study.parameters);
    const flat = rows.map((r) => flatten(r.outputs, study.targetKind === 'workflow' ? 2 : 1));
    const outputColumns = [...new Set(flat.flatMap((f) => Object.keys(f)))];
    const header = [...params, 'state', ...outputColumns, 'error'];
    return toCsv(header, rows.map((r, i) => [...params.map((p) => r.inputs[p]), r.state, ...outputColumns.map((c) => flat[i]?.[c]), r.error]));
  }
}

/** Object fields to `a.b` columns, `depth` levels deep; anything else is one `output` column. */
function flatten(value: unknown, depth: number, prefix = ''): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (depth === 0 || typeof value !== 'object' || Array.isArray(value)) return { [prefix || 'output']: value };
  return Object.assign({}, ...Object.entries(value).map(([k, v]) => flatten(v, depth - 1, prefix ? `${prefix}.${k}` : k)));
}
