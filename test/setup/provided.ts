// What the global setup hands to tests (`inject`), typed for both sides.
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throw-away cluster's admin URL, or null and why not. */
    postgres: { url: string | null; reason: string | null };
  }
}
