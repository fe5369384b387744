import { API_BASE } from './config';

export interface Bilingual {
  es: string;
  en: string;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** An API error: the HTTP status and the bilingual body the API sends. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      code?: string;
      error?: string;
      kind?: string;
      message?: string;
      messages?: Bilingual;
      /** Every wrong field of a 400, named by its path, in both languages. */
      fields?: ({ path: string } & Bilingual)[];
      current?: unknown;
      report?: unknown;
    } | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
  get messages(): Bilingual | undefined {
    return this.body?.messages;
  }
}

const TOKEN_KEY = 'rueda.token';
export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set token(v: string | null) {
    if (v) localStorage.setItem(TOKEN_KEY, v);
    else localStorage.removeItem(TOKEN_KEY);
  },
};

export interface RequestOptions {
  body?: unknown;
  form?: FormData;
  /** Bearer token; defaults to the organiser's. Pass a participant token for /me. */
  token?: string | null;
  signal?: AbortSignal;
}

export async function api<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = opts.token === undefined ? session.token : opts.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { method, headers, body, signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { error: 'network', messages: { es: 'No se pudo conectar con el servidor', en: 'Could not reach the server' } });
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { message: text };
    }
  }
  if (!res.ok) {
    if (res.status === 401 && opts.token === undefined) window.dispatchEvent(new CustomEvent('rueda:unauthorized'));
    throw new ApiError(res.status, data as ApiError['body']);
  }
  return data as T;
}

export const get = <T>(path: string, opts?: RequestOptions) => api<T>('GET', path, opts);
export const post = <T>(path: string, body?: unknown, opts?: RequestOptions) => api<T>('POST', path, { ...opts, body });
export const patch = <T>(path: string, body?: unknown, opts?: RequestOptions) => api<T>('PATCH', path, { ...opts, body });
export const put = <T>(path: string, body?: unknown, opts?: RequestOptions) => api<T>('PUT', path, { ...opts, body });
export const del = <T>(path: string, opts?: RequestOptions) => api<T>('DELETE', path, opts);

/** Every page of a list endpoint (pageSize 500), for selects and grids. */
export async function getAll<T>(path: string, opts?: RequestOptions): Promise<T[]> {
  const out: T[] = [];
  const sep = path.includes('?') ? '&' : '?';
  for (let page = 1; page < 100; page++) {
    const p = await get<Page<T>>(`${path}${sep}page=${page}&pageSize=500`, opts);
    out.push(...p.items);
    if (out.length >= p.total || p.items.length === 0) break;
  }
  return out;
}

/** Downloads a file that needs the bearer token (exports). */
export async function download(path: string, filename: string, token: string | null = session.token): Promise<void> {
  const res = await fetch(`${API_BASE}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
