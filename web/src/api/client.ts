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

function baseHeaders(method: Method): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': hooks.language(),
  };
  if (method !== 'GET') {
    const token = hooks.csrfToken();
    if (token) {
      headers['X-CSRF-Token'] = token;
    }
  }
  return headers;
}

async function send(method: Method, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, method, credentials: 'same-origin', cache: 'no-store' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    const error = new ApiError({ type: NETWORK_ERROR_TYPE, title: 'network', status: 0 });
    hooks.onServerError(error);
    throw error;
  }
}

/** Turns a refused answer into an ApiError, after telling the hooks about it. */
async function failure(response: Response, allowUnauthenticated = false): Promise<ApiError> {
  const error = new ApiError(await readProblem(response), parseRetryAfter(response.headers.get('Retry-After')));
  if (error.status === 401 && !allowUnauthenticated) {
    hooks.onUnauthenticated(error);
  } else if (error.status === 403 && error.code === 'password_change_required') {
    hooks.onPasswordChangeRequired(error);
  } else if (error.status >= 500) {
    hooks.onServerError(error);
  }
  return error;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = baseHeaders(method);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await send(method, path + buildQuery(options.query), { headers, body, signal: options.signal });
  if (response.ok) {
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  throw await failure(response, options.allowUnauthenticated);
}

/** The file name of a Content-Disposition header (RFC 6266: filename* first). */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/.exec(header) ?? /filename\s*=\s*([^;]+)/.exec(header);
  return plain?.[1]?.trim() || null;
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, when the server named the file. */
  fileName: string | null;
}

/** GET of a file (an export or a template): the body as a Blob, errors as ApiError. */
export async function fetchFile(path: string, query?: RequestOptions['query']): Promise<DownloadedFile> {
  const headers = baseHeaders('GET');
  headers.Accept = '*/*';
  const response = await send('GET', path + buildQuery(query), { headers });
  if (!response.ok) {
    throw await failure(response);
  }
  return { blob: await response.blob(), fileName: dispositionFileName(response.headers.get('Content-Disposition')) };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type to upload a spreadsheet with: by extension first (browsers disagree on .csv). */
export function spreadsheetType(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (name.endsWith('.csv') || name.endsWith('.tsv') || name.endsWith('.txt')) return 'text/csv';
  return file.type || 'application/octet-stream';
}

/** A file name as an HTTP header value: printable ASCII as is, anything else percent-encoded. */
export function headerFileName(name: string): string {
  return /^[\x20-\x7e]*$/.test(name) ? name : encodeURIComponent(name);
}

export interface UploadOptions {
  query?: RequestOptions['query'];
  /** Bytes sent so far and the total, while the body is being sent. */
  onProgress?: (loaded: number, total: number) => void;
  /** The whole body has been sent; the server is now working on it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
  /** The Content-Type to send (default: by extension, see spreadsheetType). */
  contentType?: string;
  /** The X-File-Name value as sent (default: headerFileName of the file's name). */
  fileNameHeader?: string;
}

function headersOf(xhr: XMLHttpRequest): Headers {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      try {
        headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      } catch {
        // a header the Headers class refuses is of no use here
      }
    }
  }
  return headers;
}

/**
 * POSTs a file as the raw request body (its own Content-Type, its name in X-File-Name)
 * with XMLHttpRequest, which, unlike fetch, reports upload progress.
 */
export function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path + buildQuery(options.query));
    for (const [name, value] of Object.entries(baseHeaders('POST'))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.setRequestHeader('Content-Type', options.contentType ?? spreadsheetType(file));
    xhr.setRequestHeader('X-File-Name', options.fileNameHeader ?? headerFileName(file.name));
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    };
    xhr.upload.onload = () => options.onUploaded?.();
    xhr.onerror = () => {
      const error = new ApiError({ type: NETWORK_ERROR_TYPE, title: 'network', status: 0 });
      hooks.onServerError(error);
      reject(error);
    };
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch (cause) {
          reject(cause);
        }
        return;
      }
      const response = new Response(xhr.responseText, {
        status: xhr.status >= 200 && xhr.status <= 599 ? xhr.status : 500,
        statusText: xhr.statusText,
        headers: headersOf(xhr),
      });
      void failure(response).then(reject, reject);
    };
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
