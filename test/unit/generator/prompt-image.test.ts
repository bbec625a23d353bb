import { describe, expect, it } from 'vitest';
import { acceptsImages, MAX_IMAGE_BYTES, parseModelChain, parsePromptImage, sniffImageType } from '../../../src/generator/index.ts';
import { TINY_JPEG, TINY_PNG, TINY_WEBP } from '../../fakes/tiny-images.ts';

const b64 = (data: Buffer): string => data.toString('base64');

describe('sniffImageType', () => {
  it('reads PNG, JPEG and WebP from their first bytes, and nothing else', () => {
    expect(sniffImageType(TINY_PNG)).toBe('image/png');
    expect(sniffImageType(TINY_JPEG)).toBe('image/jpeg');
    expect(sniffImageType(TINY_WEBP)).toBe('image/webp');
    expect(sniffImageType(Buffer.from('GIF89a\x01\x00'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from('RIFF\x00\x00\x00\x00WAVE'))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

describe('parsePromptImage', () => {
  it('accepts an image whose bytes are its declared type', () => {
    expect(parsePromptImage({ mediaType: 'image/png', data: b64(TINY_PNG) })).toEqual({ mediaType: 'image/png', data: TINY_PNG });
    expect(parsePromptImage({ mediaType: 'IMAGE/WEBP', data: b64(TINY_WEBP) }).mediaType).toBe('image/webp');
  });

  it('refuses other declared types, lying types and non-base64 with IMAGE_TYPE_UNSUPPORTED', () => {
    expect(() => parsePromptImage({ mediaType: 'image/gif', data: b64(Buffer.from('GIF89a')) })).toThrow(expect.objectContaining({ code: 'IMAGE_TYPE_UNSUPPORTED' }));
    expect(() => parsePromptImage({ mediaType: 'image/png', data: b64(Buffer.from('<html><script>alert(1)</script></html>')) })).toThrow(
      expect.objectContaining({ code: 'IMAGE_TYPE_UNSUPPORTED', message: expect.stringMatching(/bytes are not a PNG/) }),
    );
    expect(() => parsePromptImage({ mediaType: 'image/png', data: b64(TINY_JPEG) })).toThrow(/declared image\/png but its bytes are image\/jpeg/);
    expect(() => parsePromptImage({ mediaType: 'image/png', data: `data:image/png;base64,${b64(TINY_PNG)}` })).toThrow(expect.objectContaining({ code: 'IMAGE_TYPE_UNSUPPORTED' }));
  });

  it('refuses more than 5 MB with IMAGE_TOO_LARGE, and takes exactly 5 MB', () => {
    const atLimit = Buffer.alloc(MAX_IMAGE_BYTES);
    TINY_PNG.copy(atLimit);
    expect(parsePromptImage({ mediaType: 'image/png', data: b64(atLimit) }).data.length).toBe(MAX_IMAGE_BYTES);
    const over = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    TINY_PNG.copy(over);
    expect(() => parsePromptImage({ mediaType: 'image/png', data: b64(over) })).toThrow(expect.objectContaining({ code: 'IMAGE_TOO_LARGE', statusCode: 413 }));
  });
});

describe('acceptsImages', () => {
  it('knows the vision families by name and assumes anything else text-only', () => {
    const ids = (chain: string): boolean[] => parseModelChain(chain).map(acceptsImages);
    expect(ids('anthropic:claude-sonnet-4-5,anthropic:claude-haiku-4-5,anthropic:claude-2.1')).toEqual([true, true, false]);
    expect(ids('openai:gpt-4.1,openai:gpt-4.1-mini,openai:gpt-4o,openai:gpt-3.5-turbo')).toEqual([true, true, true, false]);
    expect(ids('google:gemini-2.5-pro,ollama:llava:13b,ollama:qwen2.5-coder:14b,ollama:qwen2.5vl,openai-compatible:llama3')).toEqual([true, true, false, true, false]);
  });
});
