import { outsideDbScope } from "../db/call-counter";

/** How long a process-wide read model may be served before it is re-read in the background. */
export const readModelMaxAgeMs = 10_000;

/**
 * A value read from the table once per process and then re-read in the background when older than
 * `maxAgeMs`, so that requests serve it from memory: the first request waits for the load, later ones never
 * do. The background reload is not charged to the request that started it (it serves every request). Writes
 * made by this process patch the value at once (`patch`), so its own changes are visible without waiting.
 * @example const students = refreshing(loadConsentingStudents); const list = await students.get();
 */
export function refreshing<T>(load: () => Promise<T>, maxAgeMs = readModelMaxAgeMs) {
  let current: { value: T; at: number } | undefined;
  let loading: Promise<T> | undefined;
  const start = () => {
    loading ??= outsideDbScope(() => load())
      .then((value) => {
        current = { value, at: Date.now() };
        return value;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
  return {
    async get(): Promise<T> {
      if (!current) return start();
      if (Date.now() - current.at > maxAgeMs) {
        start().catch((error: unknown) =>
          console.error(JSON.stringify({ level: "error", message: "read model refresh failed", error: String(error) })),
        );
      }
      return current.value;
    },
    /**
     * Applies this process's own write to the loaded value (nothing when not loaded yet: the load will see it).
     * `change` returns the new value rather than mutating, so caches keyed on the old value's identity go stale.
     */
    patch(change: (value: T) => T): void {
      if (current) current = { value: change(current.value), at: current.at };
    },
    /** Drops the loaded value: the next `get` reads the table again. */
    forget(): void {
      current = undefined;
    },
  };
}
