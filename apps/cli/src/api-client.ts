/** A small HTTP client of the Rueda API for the CLI (the demo drives the real endpoints). */
export class ApiClient {
  private token = '';
  constructor(private readonly base: string) {}

  async login(email: string, password: string): Promise<void> {
    const res = await this.call<{ token: string }>('POST', '/auth/login', { email, password });
    this.token = res.token;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      const code = (() => {
        try {
          return (JSON.parse(text) as { code?: string }).code;
        } catch {
          return undefined;
        }
      })();
      throw new ApiCallError(res.status, `${method} ${path} → ${res.status}: ${text.slice(0, 500)}`, code);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Polls `path` until `done(body)` holds. */
  async waitFor<T>(path: string, done: (b: T) => boolean, timeoutMs = 120_000, onTick?: (b: T) => void): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const b = await this.call<T>('GET', path);
      onTick?.(b);
      if (done(b)) return b;
      if (Date.now() > end) throw new Error(`timeout waiting for ${path}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The API's error code (e.g. stale_draft), when it sent one. */
    readonly code?: string,
  ) {
    super(message);
  }
}
