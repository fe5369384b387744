import createClient, { type Middleware } from 'openapi-fetch';
import { API_BASE } from './config';
import type { components, paths } from './generated/api';

/** The API's response shapes, as its OpenAPI document declares them (generated, never copied). */
export type Schemas = components['schemas'];

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

/** Every page of a list operation of the typed client (pageSize 500), for selects and grids. */
export async function allPages<T>(fetchPage: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page < 100; page++) {
    const p = await fetchPage(page);
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

/** A header the client strips: the call goes without any token. */
const NO_TOKEN = 'X-Rueda-No-Token';
/** Headers of a call that must carry no token, not even the organiser's. */
export const withoutToken = () => ({ [NO_TOKEN]: '1' });

/** Requests that carried the organiser's session token: a 401 on them ends the session. */
const sessionRequests = new WeakSet<Request>();

const auth: Middleware = {
  onRequest({ request }) {
    // A login carries no token, not even a stale one (its 401 is a wrong password, not an ended session);
    // neither does a call that asks for none (public reference data on a participant's page).
    const anonymous = new URL(request.url).pathname.endsWith('/auth/login') || request.headers.has(NO_TOKEN);
    request.headers.delete(NO_TOKEN);
    if (!anonymous && !request.headers.has('Authorization') && session.token) {
      request.headers.set('Authorization', `Bearer ${session.token}`);
      sessionRequests.add(request);
    }
    request.headers.set('Accept', 'application/json');
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && sessionRequests.has(request)) window.dispatchEvent(new CustomEvent('rueda:unauthorized'));
    return response;
  },
};

/**
 * The typed API client, generated from the OpenAPI document (`npm run api:types`): paths,
 * parameters, bodies and responses are checked by the compiler. Sends the organiser's token
 * unless the call passes its own `Authorization` header (a participant's link token).
 */
export const client = createClient<paths>({ baseUrl: API_BASE || window.location.origin });
client.use(auth);

/** A participant's personal-link token as the header of one call. */
export const bearerHeader = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The data of a client call, or an `ApiError` with the API's bilingual body. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let res: Awaited<typeof request>;
  try {
    res = await request;
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { error: 'network', messages: { es: 'No se pudo conectar con el servidor', en: 'Could not reach the server' } });
  }
  if (!res.response.ok) {
    const body = typeof res.error === 'object' ? (res.error as ApiError['body']) : { message: String(res.error ?? '') };
    throw new ApiError(res.response.status, body);
  }
  return res.data as T;
}

/** Saves the file a client call answers (`parseAs: 'blob'`): exports, agendas, link lists. */
export async function saveFile(request: Promise<{ data?: Blob; error?: unknown; response: Response }>, filename: string): Promise<void> {
  const blob = await call(request);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
