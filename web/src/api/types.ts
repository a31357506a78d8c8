// Types of the identity API (docs/api/identity.md) and, further down, of the organization
// API (docs/api/organization.md).

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
  /** A refused import commit (422) carries its report here. */
  report?: ImportReport;
}

// ---------------------------------------------------------------------------------------
// Organization API (docs/api/organization.md): regions, agencies, units, positions, people,
// assignments, vacancies, imports and attendance.

export type AgencyKind =
  | 'dinas'
  | 'badan'
  | 'biro'
  | 'sekretariat'
  | 'inspektorat'
  | 'satpol_pp'
  | 'rsud'
  | 'kantor'
  | 'other';
export const AGENCY_KINDS: readonly AgencyKind[] = [
  'dinas',
  'badan',
  'biro',
  'sekretariat',
  'inspektorat',
  'satpol_pp',
  'rsud',
  'kantor',
  'other',
];

export type UnitKind = 'sekretariat' | 'bidang' | 'bagian' | 'sub_bagian' | 'seksi' | 'uptd' | 'other';
export const UNIT_KINDS: readonly UnitKind[] = ['sekretariat', 'bidang', 'bagian', 'sub_bagian', 'seksi', 'uptd', 'other'];

export type PositionLevel = 'jpt_madya' | 'jpt_pratama' | 'administrator' | 'pengawas' | 'fungsional' | 'pelaksana';
export const POSITION_LEVELS: readonly PositionLevel[] = [
  'jpt_madya',
  'jpt_pratama',
  'administrator',
  'pengawas',
  'fungsional',
  'pelaksana',
];

export type PositionState = 'filled' | 'acting' | 'vacant';
export const POSITION_STATES: readonly PositionState[] = ['filled', 'acting', 'vacant'];

export type AssignmentKind = 'definitive' | 'acting' | 'daily_acting';
export const ASSIGNMENT_KINDS: readonly AssignmentKind[] = ['definitive', 'acting', 'daily_acting'];

export type EmploymentStatus = 'pns' | 'pppk';
export const EMPLOYMENT_STATUSES: readonly EmploymentStatus[] = ['pns', 'pppk'];

export type AttendanceStatus = 'present' | 'leave' | 'sick' | 'official_travel' | 'unexcused';
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['present', 'leave', 'sick', 'official_travel', 'unexcused'];

export type RegionLevel = 'province' | 'regency' | 'city';
export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'regency', 'city'];

export interface RegionRecord {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
}

/** Who holds a post (the agency head summary). */
export interface HeadHolder {
  person_id: number;
  name: string;
  nip: string;
  kind: AssignmentKind;
}

export interface AgencyHead {
  position_id: number;
  title: string;
  state: PositionState;
  holder: HeadHolder | null;
  days_without_definitive: number | null;
}

export interface AgencyCounts {
  positions: number;
  filled: number;
  acting: number;
  vacant: number;
  people: number;
}

/** An agency of the organization registry (the identity API's Agency plus its record). */
export interface AgencyRecord extends Agency {
  id: number;
  kind: AgencyKind;
  active: boolean;
  active_from: string | null;
  active_until: string | null;
  version: number;
  head: AgencyHead | null;
  counts: AgencyCounts;
}

export interface Unit {
  id: number;
  agency_code: string;
  parent_id: number | null;
  code: string;
  name: string;
  kind: UnitKind;
  active: boolean;
  version: number;
}

/** The holder (or an acting official) of a position today. */
export interface PositionHolder {
  assignment_id: number;
  person_id: number;
  name: string;
  nip: string;
  kind: AssignmentKind;
  starts_on: string;
}

export interface PositionStatus {
  state: PositionState;
  since: string | null;
  days_in_state: number | null;
  without_definitive_since: string | null;
  days_without_definitive: number | null;
  alert: boolean;
  holder: PositionHolder | null;
  acting: PositionHolder[];
}

export interface Position {
  id: number;
  agency_code: string;
  unit_id: number | null;
  unit_name: string | null;
  code: string;
  title: string;
  level: PositionLevel;
  is_agency_head: boolean;
  is_unit_head: boolean;
  established_on: string | null;
  active: boolean;
  version: number;
  status: PositionStatus;
}

export interface Assignment {
  id: number;
  person_id: number;
  person_name: string;
  nip: string;
  position_id: number;
  position_title: string;
  agency_code: string;
  kind: AssignmentKind;
  starts_on: string;
  ends_on: string | null;
  decree_number: string | null;
  note: string | null;
  current: boolean;
  version: number;
}

export interface PositionDetail extends Position {
  history: Assignment[];
}

/** A post held today, as listed on a person. */
export interface PersonPost {
  assignment_id: number;
  position_id: number;
  title: string;
  agency_code: string;
  kind: AssignmentKind;
}

export interface Person {
  id: number;
  nip: string;
  name: string;
  rank_grade: string | null;
  employment_status: EmploymentStatus;
  agency_code: string | null;
  agency_name: string | null;
  active: boolean;
  version: number;
  positions: PersonPost[];
}

export interface PersonDetail extends Person {
  assignments: Assignment[];
}

export interface OrgChartUnit {
  unit: Unit;
  positions: Position[];
  children: OrgChartUnit[];
}

export interface OrgChart {
  agency: AgencyRecord;
  /** Posts directly under the agency (no unit); head posts first. */
  positions: Position[];
  units: OrgChartUnit[];
}

export interface VacancySummary {
  vacant: number;
  acting: number;
  alerts: number;
  agencies_led_by_acting: number;
  agencies_with_vacant_head: number;
  agencies_total: number;
  alert_days: number;
}

export interface VacancyPage extends Page<Position> {
  summary: VacancySummary;
}

export interface OrganizationSettings {
  vacancy_alert_days: number;
}

export type ImportKind = 'agencies' | 'units' | 'positions' | 'people' | 'assignments' | 'attendance';
export const ORGANIZATION_IMPORT_KINDS: readonly ImportKind[] = ['agencies', 'units', 'positions', 'people', 'assignments'];

export interface ImportIssue {
  row: number;
  column: string | null;
  message: string;
}

/** The report of an import's dry run or commit (organization, attendance and planning imports). */
export interface ImportReport {
  /** The import's kind: an ImportKind, a plan's import kind or "nomenclature". */
  kind: string;
  mode: 'dry_run' | 'commit';
  committed: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportIssue[];
  error_count: number;
  warnings: ImportIssue[];
}

export interface DisciplineLevel {
  rank: number;
  min_days: number | null;
  max_days: number | null;
  sanction: string;
}

/** A person's attendance summary for a year and the PP 94/2021 sanction it reaches. */
export interface Discipline {
  year: number;
  present: number;
  leave: number;
  sick: number;
  official_travel: number;
  unexcused: number;
  late_minutes: number;
  longest_unexcused_run: number;
  longest_run_starts_on: string | null;
  level: DisciplineLevel | null;
  reason: 'cumulative_days' | 'consecutive_days' | null;
}

export interface DisciplineRow {
  person_id: number;
  nip: string;
  name: string;
  agency_code: string | null;
  summary: Discipline;
}

export interface AttendanceRecord {
  day: string;
  status: AttendanceStatus;
  late_minutes: number | null;
}

export interface PersonAttendance {
  person: Person;
  year: number;
  summary: Discipline;
  records: AttendanceRecord[];
}

/** Rates are percentages as text with two decimals ("1.25"); null without any records. */
export interface MonthRate {
  month: number;
  records: number;
  unexcused: number;
  rate: string | null;
}

export interface AgencyRate {
  agency_code: string;
  agency_name: string;
  records: number;
  unexcused: number;
  rate: string | null;
  months: MonthRate[];
  trend: 'rising' | 'falling' | 'flat';
}

export interface AttendanceRates {
  year: number;
  items: AgencyRate[];
  region: { records: number; unexcused: number; rate: string | null };
}
