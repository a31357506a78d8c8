// Types of the identity API (docs/api/identity.md).

export type RoleName =
  | 'admin'
  | 'governor'
  | 'vice_governor'
  | 'secretary'
  | 'assistant'
  | 'planner'
  | 'finance'
  | 'auditor'
  | 'agency_head'
  | 'agency_staff'
  | 'legislature';

export const ROLE_NAMES: readonly RoleName[] = [
  'admin',
  'governor',
  'vice_governor',
  'secretary',
  'assistant',
  'planner',
  'finance',
  'auditor',
  'agency_head',
  'agency_staff',
  'legislature',
];

export type Cluster = 'asisten_1' | 'asisten_2' | 'asisten_3';
export const CLUSTERS: readonly Cluster[] = ['asisten_1', 'asisten_2', 'asisten_3'];

export function roleNeedsAgency(role: string): boolean {
  return role === 'agency_head' || role === 'agency_staff';
}
export function roleNeedsCluster(role: string): boolean {
  return role === 'assistant';
}

export type Permission =
  | 'users.manage'
  | 'api_tokens.manage'
  | 'audit.read'
  | 'agencies.read'
  | 'agency_users.read'
  | 'account.manage'
  | (string & {});

export interface Region {
  id: number;
  code: string;
  name: string;
}

export interface RoleGrant {
  role: RoleName;
  agency_code?: string | null;
  agency_name?: string | null;
  cluster?: Cluster | null;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  nip: string | null;
  email: string | null;
  active: boolean;
  must_change_password: boolean;
  region: Region;
  roles: RoleGrant[];
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SessionInfo {
  user: User;
  csrf_token: string;
  permissions: Permission[];
}

export interface OwnSession {
  id: string | number;
  created_at: string;
  last_seen_at: string | null;
  expires_at: string;
  user_agent: string | null;
  remote_address: string | null;
  current: boolean;
}

export interface Page<T> {
  items: T[];
  page: number;
  page_size: number;
  total: number;
}

export interface Items<T> {
  items: T[];
}

export interface Agency {
  code: string;
  short_name: string;
  name: string;
  kind: string;
  cluster: Cluster | null;
}

export interface ApiToken {
  id: number;
  name: string;
  roles: RoleGrant[];
  created_at: string;
  created_by: { id: number; name: string } | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CreatedApiToken {
  token: ApiToken;
  secret: string;
}

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEvent {
  sequence: number;
  occurred_at: string;
  actor: { type: string; id: number | string | null; name: string | null } | null;
  region_id: number | null;
  action: string;
  outcome: string;
  entity_type: string | null;
  entity_id: string | number | null;
  changes: AuditChange[] | null;
  request_id: string | null;
  hash: string;
  previous_hash: string | null;
}

/** A role to send in POST /users, PUT /users/{id}/roles and POST /api-tokens. */
export interface RoleInput {
  role: RoleName;
  agency_code?: string;
  cluster?: Cluster;
}

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem document as the Sinergi server writes it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
}
