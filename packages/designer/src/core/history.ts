/**
 * One command history for canvas and panels: each user action is one entry (the whole document
 * state after it), so undo and redo restore exactly what the user saw. States are immutable, so
 * keeping them is cheap (unchanged parts are shared).
 */
export class DesignHistory<T> {
  private readonly states: { readonly state: T; readonly label: string }[];
  private index = 0;

  constructor(initial: T, private readonly limit = 200) {
    this.states = [{ state: initial, label: 'open' }];
  }

  get current(): T {
    return this.states[this.index]!.state;
  }

  get canUndo(): boolean {
    return this.index > 0;
  }

  get canRedo(): boolean {
    return this.index < this.states.length - 1;
  }

  /** What undo would take back, for the button's label. */
  get undoLabel(): string | undefined {
    return this.canUndo ? this.states[this.index]!.label : undefined;
  }

  get redoLabel(): string | undefined {
    return this.canRedo ? this.states[this.index + 1]!.label : undefined;
  }

  /** Records the state after a user action; anything undone before it is dropped. */
  push(state: T, label: string): void {
    this.states.splice(this.index + 1);
    this.states.push({ state, label });
    if (this.states.length > this.limit) this.states.shift();
    this.index = this.states.length - 1;
  }

  undo(): T {
    if (this.canUndo) this.index -= 1;
    return this.current;
  }

  redo(): T {
    if (this.canRedo) this.index += 1;
    return this.current;
  }
}
