import { useId, useState } from 'react';
import type { CreateSessionRequest } from '../../../src/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

export type PickedImage = NonNullable<CreateSessionRequest['image']>;

const TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024; // the server's limit (IMAGE_TOO_LARGE); checked here to save the upload

interface ImagePickerProps {
  image: PickedImage | null;
  onChange(image: PickedImage | null): void;
}

/**
 * One image for the request (a sketch, a screenshot to copy), sent base64 in the JSON body. The
 * server checks the bytes again: this only spares the person an upload that would be refused.
 */
export function ImagePicker({ image, onChange }: ImagePickerProps) {
  const { t } = useI18n();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    setError(null);
    if (!file) return onChange(null);
    if (!TYPES.includes(file.type)) return setError(t.chat.imageType);
    if (file.size > MAX_BYTES) return setError(t.chat.imageTooLarge);
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    onChange({ mediaType: file.type, data: btoa(binary) });
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <label htmlFor={`${id}-image`} className="font-medium">
        {t.chat.image}
      </label>
      <input
        id={`${id}-image`}
        type="file"
        accept={TYPES.join(',')}
        data-testid="image-input"
        aria-describedby={`${id}-image-hint`}
        onChange={(e) => void pick(e.target.files?.[0])}
        className="text-xs"
      />
      <span id={`${id}-image-hint`} className="text-slate-600 dark:text-slate-300">
        {t.chat.imageHint}
      </span>
      {image && (
        <span className="flex items-center gap-2">
          <img src={`data:${image.mediaType};base64,${image.data}`} alt={t.chat.imagePreview} className="h-12 rounded border border-slate-300 dark:border-slate-600" />
          <button type="button" className="btn py-0.5 text-xs" onClick={() => onChange(null)}>
            {t.chat.imageRemove}
          </button>
        </span>
      )}
      {error && (
        <span role="alert" className="font-medium text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </div>
  );
}
