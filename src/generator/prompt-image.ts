import { SpawnError } from '../errors/index.ts';

export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];

/** 5 MB: what Anthropic accepts per image, and plenty for a sketch or a screenshot. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** An image sent with a request, checked: its bytes and the type its bytes say. */
export interface PromptImage {
  mediaType: ImageMediaType;
  data: Buffer;
}

/**
 * The type an image's first bytes say, or null. The declared type is never trusted: a renamed
 * file or an HTML page labelled `image/png` would otherwise reach the model (or a browser).
 */
export function sniffImageType(data: Buffer): ImageMediaType | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Checks an image as it arrives (`{mediaType, data: base64}`): IMAGE_TOO_LARGE over 5 MB,
 * IMAGE_TYPE_UNSUPPORTED when the declared type is not PNG/JPEG/WebP or the bytes are not the
 * declared type.
 */
export function parsePromptImage(input: { mediaType: string; data: string }): PromptImage {
  const declared = input.mediaType.trim().toLowerCase();
  if (!(IMAGE_MEDIA_TYPES as readonly string[]).includes(declared)) {
    throw new SpawnError('IMAGE_TYPE_UNSUPPORTED', `image type "${input.mediaType}" is not supported: send a PNG, JPEG or WebP (image/png, image/jpeg, image/webp)`);
  }
  // base64 is 4 characters per 3 bytes: refuse before decoding what would be too large anyway.
  if (Math.floor((input.data.length * 3) / 4) > MAX_IMAGE_BYTES + 2) throw tooLarge(Math.floor((input.data.length * 3) / 4));
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.data)) {
    throw new SpawnError('IMAGE_TYPE_UNSUPPORTED', 'image.data is not base64 (standard alphabet, no data: prefix, no line breaks)');
  }
  const data = Buffer.from(input.data, 'base64');
  if (data.length > MAX_IMAGE_BYTES) throw tooLarge(data.length);
  const actual = sniffImageType(data);
  if (actual === null) throw new SpawnError('IMAGE_TYPE_UNSUPPORTED', `the image's bytes are not a PNG, JPEG or WebP file (declared ${declared})`);
  if (actual !== declared) throw new SpawnError('IMAGE_TYPE_UNSUPPORTED', `the image is declared ${declared} but its bytes are ${actual}`);
  return { mediaType: actual, data };
}

function tooLarge(bytes: number): SpawnError {
  return new SpawnError('IMAGE_TOO_LARGE', `the image is ${(bytes / 1024 / 1024).toFixed(2)} MB; the maximum is 5 MB`, { details: { maxBytes: MAX_IMAGE_BYTES } });
}
