/** The part of autocannon's API the bench uses (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    total: number;
    p50: number;
    p99: number;
  }
  export interface AutocannonResult {
    requests: Histogram;
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }
  export interface AutocannonOptions {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  /** Outside the main thread autocannon returns raw (encoded) results; this aggregates them. */
  export interface AutocannonApi {
    (opts: AutocannonOptions): Promise<unknown>;
    aggregateResult(results: unknown, opts: AutocannonOptions): AutocannonResult;
  }
  const autocannon: AutocannonApi;
  export default autocannon;
}
