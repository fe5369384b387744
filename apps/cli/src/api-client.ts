/** A small HTTP client of the Rueda API for the CLI (the demo drives the real endpoints). */
export class ApiClient {
  private token = '';
  constructor(private readonly base: string) {}

  async login(email: string, password: string): Promise<void> {
    const res = await this.call<{ token: string }>('POST', '/auth/login', { email, password });
    this.token = res.token;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const text = await this.text(method, path, body);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The response body as text (files such as CSV); `token` calls as someone else (a participant's link). */
  async text(method: string, path: string, body?: unknown, token = this.token): Promise<string> {
    const res = await fetch(this.base + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new ApiCallError(res.status, `${method} ${path} → ${res.status}: ${text.slice(0, 500)}`, errorCode(text));
    return text;
  }

  /** A call with a participant's personal link instead of the organiser's session. */
  async callAs<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const text = await this.text(method, path, body, token);
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

/** The API's error code (e.g. stale_draft) from an error body, when it sent one. */
function errorCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { code?: string }).code;
  } catch {
    return undefined;
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
