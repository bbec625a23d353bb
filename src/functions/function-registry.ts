import type { SpawnConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { FunctionVersionRecord, Store } from '../store/index.ts';
import { checkFunctionCode } from './code-check.ts';
import { RegisterFunctionRequestSchema } from '../api-schemas/index.ts';
import { parseBody } from './function-input.ts';
import { newId } from './ids.ts';
import type { RegisteredFunction } from './function-views.ts';
import { compileInputSchema } from './input-schema.ts';
import { buildStatus, parseRequirements, recordBuild, type LayerBuilder } from './requirements/index.ts';

const LIST_LIMIT = 500;

/** Registers, lists and deletes an owner's functions; every version is checked before it is stored. */
export class FunctionRegistry {
  readonly #store: Store;
  readonly #config: SpawnConfig;
  /** This node's layer builder (worker nodes): a new version's requirements start building at once. */
  readonly #layers: LayerBuilder | null;

  constructor(store: Store, config: SpawnConfig, layers: LayerBuilder | null = null) {
    this.#store = store;
    this.#config = config;
    this.#layers = layers;
  }

  /** Parses and checks the request, then stores it as the next version of (owner, name). */
  async register(ownerId: string, body: unknown): Promise<RegisteredFunction> {
    const input = parseBody(RegisterFunctionRequestSchema, body);
    const entrypoint = input.entrypoint ?? 'main';
    if (input.inputSchema) compileInputSchema(input.inputSchema);
    const requirements = parseRequirements(input.runtime, input.requirements);
    await checkFunctionCode(input.runtime, input.code, entrypoint);
    const fn = await this.#store.functions.register({
      newId: newId('fn'),
      ownerId,
      name: input.name,
      runtime: input.runtime,
      entrypoint,
      code: input.code,
      inputSchema: input.inputSchema ?? null,
      timeoutSeconds: input.timeoutSeconds ?? null,
      requirements,
    });
    await recordBuild(this.#store, this.#config, fn);
    this.#layers?.prepare(fn);
    return this.withBuild(fn);
  }

  /** The version with its requirements' build state (what the API shows). */
  async withBuild(fn: FunctionVersionRecord): Promise<RegisteredFunction> {
    return { ...fn, build: await buildStatus(this.#store, this.#config, fn) };
  }

  /** The latest version of the owner's function; another owner's is a plain 404. */
  async get(ownerId: string, functionId: string): Promise<RegisteredFunction> {
    const fn = await this.#store.functions.latest(functionId);
    if (!fn || fn.ownerId !== ownerId) throw new SpawnError('FUNCTION_NOT_FOUND', `no function ${functionId}`);
    return this.withBuild(fn);
  }

  async list(ownerId: string): Promise<RegisteredFunction[]> {
    const fns = await this.#store.functions.listByOwner(ownerId, LIST_LIMIT);
    return Promise.all(fns.map((fn) => this.withBuild(fn)));
  }

  async delete(ownerId: string, functionId: string): Promise<void> {
    await this.get(ownerId, functionId);
    await this.#store.functions.delete(functionId);
  }

  timeoutSeconds(fn: FunctionVersionRecord): number {
    return fn.timeoutSeconds ?? this.#config.functions.timeoutSeconds;
  }
}
