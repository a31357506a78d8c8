// The one fetch wrapper of the app: JSON in and out, the session's CSRF token on every
// state-changing request, Accept-Language from the chosen language, and every error
// turned into an ApiError carrying the server's problem document.
import type { FieldError, Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds from Retry-After (429), when the server sent it. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** The code after "urn:sinergi:problem:", e.g. "conflict". */
  get code(): string {
    const prefix = 'urn:sinergi:problem:';
    return this.problem.type.startsWith(prefix) ? this.problem.type.slice(prefix.length) : this.problem.type;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /** Field name -> message, for showing each message next to its input. */
  fieldMap(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const error of this.fieldErrors) {
      map[error.field] = map[error.field] ? `${map[error.field]} ${error.message}` : error.message;
    }
    return map;
  }
}

export const NETWORK_ERROR_TYPE = 'urn:sinergi:client:network';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Do not report a 401 as an ended session (login and the first session check). */
  allowUnauthenticated?: boolean;
}

export interface ClientHooks {
  csrfToken: () => string | null;
  language: () => string;
  /** A request answered 401: the session has ended. */
  onUnauthenticated: (error: ApiError) => void;
  /** The user must change the password before doing anything else. */
  onPasswordChangeRequired: (error: ApiError) => void;
  /** 5xx or no connection: shown in the global error banner. */
  onServerError: (error: ApiError) => void;
}

let hooks: ClientHooks = {
  csrfToken: () => null,
  language: () => 'id',
  onUnauthenticated: () => {},
  onPasswordChangeRequired: () => {},
  onServerError: () => {},
};

export function configureClient(newHooks: ClientHooks): void {
  hooks = newHooks;
}

export function buildQuery(query: RequestOptions['query']): string {
  if (!query) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) {
    return null;
  }
  const seconds = Number.parseInt(value, 10);
  if (Number.isFinite(seconds) && String(seconds) === value.trim()) {
    return Math.max(0, seconds);
  }
  const date = Date.parse(value);
  if (!Number.isNaN(date)) {
    return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  return null;
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).title === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

async function readProblem(response: Response): Promise<Problem> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) {
        return { ...body, type: typeof body.type === 'string' ? body.type : 'about:blank' };
      }
    } catch {
      // fall through to a problem made up from the status
    }
  }
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    request_id: response.headers.get('X-Request-Id') ?? undefined,
  };
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': hooks.language(),
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = hooks.csrfToken();
    if (token) {
      headers['X-CSRF-Token'] = token;
    }
  }

  let response: Response;
  try {
    response = await fetch(path + buildQuery(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    const error = new ApiError({ type: NETWORK_ERROR_TYPE, title: 'network', status: 0 });
    hooks.onServerError(error);
    throw error;
  }

  if (response.ok) {
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const error = new ApiError(await readProblem(response), parseRetryAfter(response.headers.get('Retry-After')));
  if (error.status === 401 && !options.allowUnauthenticated) {
    hooks.onUnauthenticated(error);
  } else if (error.status === 403 && error.code === 'password_change_required') {
    hooks.onPasswordChangeRequired(error);
  } else if (error.status >= 500) {
    hooks.onServerError(error);
  }
  throw error;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
