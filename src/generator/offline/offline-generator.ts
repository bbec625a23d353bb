import { commandFor } from '../app-types.ts';
import type { GenerateRequest, GeneratedApp, Generator } from '../generator.ts';
import { titleFromPrompt } from '../title.ts';
import { withSmokeFile } from './smoke-files.ts';
import { pickTemplate } from './template-picker.ts';
import type { Template } from './template.ts';
import { TEMPLATES } from './templates/index.ts';

export interface OfflineGeneratorOptions {
  /** Templates to choose from; defaults to every built-in template. */
  templates?: readonly Template[];
}

/**
 * Delivers a working app with no model configured: picks the hand-written template that best
 * fits the prompt and personalises it with the session title. Costs nothing and never calls out.
 */
export class OfflineGenerator implements Generator {
  readonly name = 'offline-template';
  readonly #templates: readonly Template[];

  constructor(options: OfflineGeneratorOptions = {}) {
    this.#templates = options.templates ?? TEMPLATES;
  }

  async generate(request: GenerateRequest): Promise<GeneratedApp> {
    const { signal, onEvent } = request;
    signal.throwIfAborted();
    const template = pickTemplate(request.prompt, request.appType, this.#templates);
    onEvent?.({ type: 'log', message: `no model configured: using the offline template "${template.id}" (${template.description})` });
    const files = withSmokeFile(template.id, template.render(request.title.trim() || titleFromPrompt(request.prompt)));
    for (const [index, file] of files.entries()) {
      signal.throwIfAborted();
      onEvent?.({ type: 'file', path: file.path, status: 'started', bytes: 0 });
      onEvent?.({ type: 'file', path: file.path, status: 'done', bytes: Buffer.byteLength(file.content, 'utf8') });
      onEvent?.({ type: 'progress', fraction: (index + 1) / files.length });
    }
    return {
      files,
      command: commandFor(request.appType, files),
      generator: this.name,
      model: null,
      template: template.id,
      usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
    };
  }
}
