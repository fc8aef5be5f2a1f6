import * as decoding from 'lib0/decoding';

/** Hocuspocus message types (see @hocuspocus/server MessageType). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  SyncReply: 4,
  Stateless: 5,
  BroadcastStateless: 6,
  Close: 7,
  SyncStatus: 8,
} as const;

/** The second number of an Auth message (see @hocuspocus/common AuthMessageType). */
export const AuthMessageType = { Token: 0, PermissionDenied: 1, Authenticated: 2 } as const;

export interface FrameHeader {
  document: string;
  type: number;
  /** Positioned after the type, for reading the rest of the message. */
  decoder: decoding.Decoder;
}

/**
 * Reads `<documentName><type>` from the start of a Hocuspocus frame without copying it; undefined when
 * the frame is too short or malformed (Hocuspocus itself then refuses it).
 */
export function readFrameHeader(frame: Uint8Array): FrameHeader | undefined {
  try {
    const decoder = decoding.createDecoder(frame);
    const document = decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    return { document, type, decoder };
  } catch {
    return undefined;
  }
}

/** Just the message type, skipping the document name's bytes (no string decoding): for every outgoing frame. */
export function frameType(frame: Uint8Array): number | undefined {
  try {
    const decoder = decoding.createDecoder(frame);
    const nameLength = decoding.readVarUint(decoder);
    decoder.pos += nameLength;
    if (decoder.pos >= frame.length) return undefined;
    return decoding.readVarUint(decoder);
  } catch {
    return undefined;
  }
}
