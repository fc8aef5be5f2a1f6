/** Thrown when a stored document cannot be applied; the relay then refuses its connections. */
export class DocumentLoadError extends Error {
  constructor(
    readonly documentName: string,
    cause: unknown,
  ) {
    super(
      `document ${documentName} cannot be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'DocumentLoadError';
  }
}
