import { useEffect, useState } from 'react';
import type { FileView } from '../../../src/api-types.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

const IMAGE_TYPES = new Set(['image/png', 'image/svg+xml']);

/**
 * The files a task left under ./outputs/: PNG and SVG shown inline, every file a download. An
 * `<img>` never runs an SVG's scripts, and the API serves the bytes as a sandboxed attachment.
 */
export function TaskFiles({ taskId }: { taskId: string }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<FileView[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    api.taskFiles(taskId, controller.signal).then(
      (list) => setFiles(list.files),
      () => setFiles([]),
    );
    return () => controller.abort();
  }, [taskId]);
  if (files.length === 0) return null;
  return (
    <div data-testid="task-files" className="flex flex-col gap-2">
      <h3 className="font-medium">{t.functions.files}</h3>
      <div className="flex flex-wrap gap-3">
        {files.map((file) => (
          <figure key={file.id} className="flex flex-col gap-1">
            {IMAGE_TYPES.has(file.contentType) && <img src={api.taskFileUrl(taskId, file.name)} alt={file.name} className="max-h-80 max-w-full rounded border border-slate-200 bg-white dark:border-slate-700" />}
            <figcaption>
              <a className="text-sm underline" href={api.taskFileUrl(taskId, file.name)} download={file.name} aria-label={t.functions.download(file.name)}>
                {file.name}
              </a>{' '}
              <span className="text-xs text-slate-500">({file.sizeBytes} B)</span>
            </figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
