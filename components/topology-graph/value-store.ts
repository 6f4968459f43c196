// One value that components outside React Flow's node data read with useSyncExternalStore: the
// canvas sets it once per render, and only the readers whose reading of it changed render again.
export class ValueStore<T> {
  private listeners = new Set<() => void>();

  constructor(private value: T) {}

  readonly get = (): T => this.value;

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Tells the readers only of a new value, not of the same one set again. */
  set(value: T) {
    if (value === this.value) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }
}
