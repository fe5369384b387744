import createClient, { type Middleware } from 'openapi-fetch';
import { API_BASE } from './config';
import type { components, paths } from './generated/api';

/** The API's response shapes, as its OpenAPI document declares them (generated, never copied). */
export type Schemas = components['schemas'];

export interface Bilingual {
  es: string;
  en: string;
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
