/**
 * One person's own changes in this page, newest last, each with the ordinary edit that undoes it.
 * Undoing writes like any edit (it syncs, shows in history); a field someone else changed since is left
 * as they made it and reported, never overwritten.
 */
export interface UndoStep {
  /** Chinese, e.g. 修改“安全生产宣传进企业”的地点. */
  label: string;
  /** Applies the inverse; returns the keys it left alone because they changed since. */
  undo(): string[];
}

export class UndoStack {
  private readonly steps: UndoStep[] = [];

  constructor(private readonly limit = 50) {}

  push(step: UndoStep): void {
    this.steps.push(step);
    if (this.steps.length > this.limit) this.steps.shift();
  }

  peek(): UndoStep | undefined {
    return this.steps[this.steps.length - 1];
  }

  pop(): UndoStep | undefined {
    return this.steps.pop();
  }

  get size(): number {
    return this.steps.length;
  }
}
