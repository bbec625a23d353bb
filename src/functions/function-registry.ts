import type { SpawnConfig } from '../config/index.ts';
import { SpawnError } from '../errors/index.ts';
import type { FunctionVersionRecord, Store } from '../store/index.ts';
import { checkFunctionCode } from './code-check.ts';
import { RegisterFunctionRequestSchema } from '../api-schemas/index.ts';
import { parseBody } from './function-input.ts';
import { newId } from './ids.ts';
import { compileInputSchema } from './input-schema.ts';

const LIST_LIMIT = 500;

/** Registers, lists and deletes an owner's functions; every version is checked before it is stored. */
export class FunctionRegistry {
  readonly #store: Store;
  readonly #config: SpawnConfig;

  constructor(store: Store, config: SpawnConfig) {
    this.#store = store;
    this.#config = config;
  }

  /** Parses and checks the request, then stores it as the next version of (owner, name). */
  async register(ownerId: string, body: unknown): Promise<FunctionVersionRecord> {
    const input = parseBody(RegisterFunctionRequestSchema, body);
    const entrypoint = input.entrypoint ?? 'main';
    if (input.inputSchema) compileInputSchema(input.inputSchema);
    await checkFunctionCode(input.runtime, input.code, entrypoint);
    return this.#store.functions.register({
      newId: newId('fn'),
      ownerId,
      name: input.name,
      runtime: input.runtime,
      entrypoint,
      code: input.code,
      inputSchema: input.inputSchema ?? null,
      timeoutSeconds: input.timeoutSeconds ?? null,
    });
  }

  /** The latest version of the owner's function; another owner's is a plain 404. */
  async get(ownerId: string, functionId: string): Promise<FunctionVersionRecord> {
    const fn = await this.#store.functions.latest(functionId);
    if (!fn || fn.ownerId !== ownerId) throw new SpawnError('FUNCTION_NOT_FOUND', `no function ${functionId}`);
    return fn;
  }

  list(ownerId: string): Promise<FunctionVersionRecord[]> {
    return this.#store.functions.listByOwner(ownerId, LIST_LIMIT);
  }

  async delete(ownerId: string, functionId: string): Promise<void> {
    await this.get(ownerId, functionId);
    await this.#store.functions.delete(functionId);
  }

  timeoutSeconds(fn: FunctionVersionRecord): number {
    return fn.timeoutSeconds ?? this.#config.functions.timeoutSeconds;
  }
}
