import Dexie, { type Table } from 'dexie';

/** Photo and video bytes, content-addressed; the log only holds { hash, name, type, size }. */
export interface StoredBlob {
  hash: string;
  logId: string;
  name: string;
  type: string;
  size: number;
  width?: number;
  height?: number;
  data: Blob;
  addedAt: number;
  /** Already on the unit's relay (or came from it). */
  uploaded?: boolean;
}

class AttachmentsDb extends Dexie {
  blobs!: Table<StoredBlob, string>;
  constructor() {
    super('tianbao-attachments');
    this.version(1).stores({ blobs: 'hash, logId, addedAt' });
  }
}

export const attachmentsDb = new AttachmentsDb();

export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Width and height of an image or video file, to compare with the notice's format hints. */
export async function mediaSize(file: Blob): Promise<{ width: number; height: number } | undefined> {
  if (file.type.startsWith('image/')) {
    const bmp = await createImageBitmap(file).catch(() => undefined);
    if (!bmp) return undefined;
    const size = { width: bmp.width, height: bmp.height };
    bmp.close();
    return size;
  }
  if (file.type.startsWith('video/')) {
    const url = URL.createObjectURL(file);
    try {
      const v = document.createElement('video');
      v.preload = 'metadata';
      v.src = url;
      await new Promise((resolve, reject) => {
        v.onloadedmetadata = resolve;
        v.onerror = reject;
      });
      return { width: v.videoWidth, height: v.videoHeight };
    } catch {
      return undefined;
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  return undefined;
}
