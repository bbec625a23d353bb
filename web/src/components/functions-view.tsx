import { useEffect, useState } from 'react';
import type { FunctionView } from '../../../src/api-types.ts';
import { api } from '../api.ts';
import { describeError, errorOf } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { FunctionRunner } from './function-runner.tsx';

/** `#/functions`: the caller's registered functions, each runnable with JSON inputs. */
export function FunctionsView() {
  const { t } = useI18n();
  const [functions, setFunctions] = useState<FunctionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.listFunctions(controller.signal).then(
      (list) => setFunctions(list.functions),
      (err: unknown) => {
        if (!controller.signal.aborted) setError(describeError(errorOf(err), t));
      },
    );
    return () => controller.abort();
  }, [t]);
  return (
    <section aria-labelledby="functions-title" className="flex flex-col gap-4">
      <h1 id="functions-title" className="text-xl font-semibold">
        {t.functions.title}
      </h1>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      )}
      {functions?.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-300">{t.functions.empty}</p>}
      {functions?.map((fn) => (
        <FunctionRunner key={fn.id} fn={fn} />
      ))}
    </section>
  );
}
