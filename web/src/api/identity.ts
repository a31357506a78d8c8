// The identity endpoints, one function each (docs/api/identity.md).
import { api } from './client';
import type {
  Agency,
  ApiToken,
  AuditEvent,
  CreatedApiToken,
  Items,
  OwnSession,
  Page,
  RoleInput,
  SessionInfo,
  User,
} from './types';

const enc = encodeURIComponent;

export const identity = {
  login: (username: string, password: string) =>
    api.post<SessionInfo>('/api/v1/session', { username, password }, { allowUnauthenticated: true }),
  session: () => api.get<SessionInfo>('/api/v1/session', { allowUnauthenticated: true }),
  logout: () => api.delete('/api/v1/session', { allowUnauthenticated: true }),
  changePassword: (current_password: string, new_password: string) =>
    api.put<void>('/api/v1/session/password', { current_password, new_password }),

  sessions: () => api.get<Items<OwnSession>>('/api/v1/sessions'),
  revokeSession: (id: string | number) => api.delete(`/api/v1/sessions/${enc(String(id))}`),

  users: (query: { search?: string; active?: string; role?: string; page?: number; page_size?: number }) =>
    api.get<Page<User>>('/api/v1/users', { query }),
  user: (id: number | string) => api.get<User>(`/api/v1/users/${enc(String(id))}`),
  createUser: (body: {
    username: string;
    display_name: string;
    nip?: string;
    email?: string;
    password: string;
    roles: RoleInput[];
  }) => api.post<User>('/api/v1/users', body),
  updateUser: (
    id: number,
    body: { version: number; display_name?: string; nip?: string | null; email?: string | null; active?: boolean },
  ) => api.patch<User>(`/api/v1/users/${id}`, body),
  setRoles: (id: number, version: number, roles: RoleInput[]) =>
    api.put<User>(`/api/v1/users/${id}/roles`, { version, roles }),
  resetPassword: (id: number, new_password: string) =>
    api.post<void>(`/api/v1/users/${id}/password-reset`, { new_password }),

  /** Every agency in the caller's scope; the organization API pages this list (page_size up to 100). */
  agencies: (query?: { page?: number; page_size?: number }) =>
    api.get<Items<Agency> & Partial<Omit<Page<Agency>, 'items'>>>('/api/v1/agencies', { query }),
  agencyUsers: (code: string) => api.get<Items<User>>(`/api/v1/agencies/${enc(code)}/users`),

  apiTokens: () => api.get<Items<ApiToken>>('/api/v1/api-tokens'),
  createApiToken: (name: string, roles: RoleInput[]) =>
    api.post<CreatedApiToken>('/api/v1/api-tokens', { name, roles }),
  revokeApiToken: (id: number) => api.delete(`/api/v1/api-tokens/${id}`),

  audit: (query: {
    entity_type?: string;
    entity_id?: string;
    actor_id?: string;
    action?: string;
    from?: string;
    to?: string;
    page?: number;
    page_size?: number;
  }) => api.get<Page<AuditEvent>>('/api/v1/audit', { query }),
};
