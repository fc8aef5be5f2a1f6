import { describe, expect, test } from 'vitest';
import { mediaProblems } from './media-check.ts';
import { inspectMedia } from './media-inspect.ts';
import { mp4Size } from './mp4-size.ts';
import { jpegBytes, mp4Bytes, pngBytes } from './test-media.ts';

const notice = [
  { kind: 'video' as const, formats: ['MP4'], width: 1920, height: 1080, source: '' },
  { kind: 'image' as const, formats: ['JPG'], width: 1920, height: 1080, minimum: true, source: '' },
];

describe('reading media headers', () => {
  test('JPG, PNG and MP4 (tkhd version 0 and 1, the video track not the audio one)', () => {
    expect(inspectMedia(jpegBytes(4000, 3000))).toEqual({
      kind: 'image',
      format: 'JPG',
      width: 4000,
      height: 3000,
    });
    expect(inspectMedia(pngBytes(800, 600))).toEqual({
      kind: 'image',
      format: 'PNG',
      width: 800,
      height: 600,
    });
    expect(inspectMedia(mp4Bytes(1920, 1080))).toEqual({
      kind: 'video',
      format: 'MP4',
      width: 1920,
      height: 1080,
    });
    expect(mp4Size(mp4Bytes(1280, 720, { version: 1 }))).toEqual({ width: 1280, height: 720 });
    expect(inspectMedia(mp4Bytes(1920, 1080, { brand: 'qt  ' })).format).toBe('MOV');
  });

  test('a broken or unknown file says so instead of throwing', () => {
    expect(inspectMedia(new Uint8Array([1, 2, 3]), 'image/jpeg')).toEqual({ kind: 'image', format: '' });
    expect(inspectMedia(jpegBytes(10, 10).subarray(0, 8), 'image/jpeg').format).toBe('');
    const cut = mp4Bytes(1920, 1080).subarray(0, 60);
    expect(inspectMedia(cut)).toMatchObject({ kind: 'video', format: 'MP4' });
    expect(inspectMedia(new TextEncoder().encode('hello'), 'text/plain').kind).toBe('other');
  });
});

describe('the notice’s format', () => {
  test('photos: JPG at least 1920×1080, either way up', () => {
    expect(mediaProblems(inspectMedia(jpegBytes(4000, 3000)), notice)).toEqual([]);
    expect(mediaProblems(inspectMedia(jpegBytes(1080, 1920)), notice)).toEqual([]);
    expect(mediaProblems(inspectMedia(jpegBytes(1280, 720)), notice)).toEqual([
      '分辨率为1280×720，通知要求不低于1920×1080',
    ]);
    expect(mediaProblems(inspectMedia(pngBytes(1280, 720)), notice)).toEqual([
      '格式为PNG，通知要求JPG',
      '分辨率为1280×720，通知要求不低于1920×1080',
    ]);
  });

  test('videos: MP4 of exactly 1920×1080', () => {
    expect(mediaProblems(inspectMedia(mp4Bytes(1920, 1080)), notice)).toEqual([]);
    expect(mediaProblems(inspectMedia(mp4Bytes(3840, 2160)), notice)).toEqual([
      '分辨率为3840×2160，通知要求1920×1080',
    ]);
    expect(mediaProblems(inspectMedia(mp4Bytes(1920, 1080, { brand: 'qt  ' })), notice)).toEqual([
      '格式为MOV，通知要求MP4',
    ]);
  });

  test('no requirement: only unreadable files are listed', () => {
    expect(mediaProblems(inspectMedia(pngBytes(10, 10)), [])).toEqual([]);
    expect(mediaProblems(inspectMedia(new Uint8Array(4), 'image/jpeg'), [])).toEqual([
      '无法识别照片格式，文件可能已损坏',
    ]);
  });
});
