// Helpers shared by the organisation and attendance pages.
import { ApiError } from './api/client';
import type { AgencyChanges, AgencyInput } from './api/organization';
import type { AgencyKind, AgencyRecord, Cluster, DisciplineLevel, EmploymentStatus, PositionLevel } from './api/types';

export interface AgencyFormValues {
  code: string;
  short_name: string;
  name: string;
  kind: AgencyKind | '';
  cluster: Cluster | '';
  active_from: string;
  active_until: string;
}

export interface PositionFormValues {
  code: string;
  title: string;
  level: PositionLevel | '';
  unit_id: string;
  is_agency_head: boolean;
  is_unit_head: boolean;
  established_on: string;
  active: boolean;
}

export interface PersonFormValues {
  nip: string;
  name: string;
  rank_grade: string;
  employment_status: EmploymentStatus | '';
  agency_code: string;
  active: boolean;
}

/** Required fields of the agency form that are empty: field -> true. */
export function missingAgencyFields(values: AgencyFormValues, creating: boolean): string[] {
  const missing: string[] = [];
  if (creating && !values.code.trim()) missing.push('code');
  if (!values.short_name.trim()) missing.push('short_name');
  if (!values.name.trim()) missing.push('name');
  if (!values.kind) missing.push('kind');
  return missing;
}

export function agencyInput(values: AgencyFormValues): AgencyInput {
  return {
    code: values.code.trim(),
    short_name: values.short_name.trim(),
    name: values.name.trim(),
    kind: values.kind as AgencyKind,
    cluster: values.cluster || null,
    active_from: values.active_from || null,
    active_until: values.active_until || null,
  };
}

/** Only the fields that changed, with the version the edit is based on. */
export function agencyChanges(agency: AgencyRecord, values: AgencyFormValues): AgencyChanges {
  const input = agencyInput(values);
  const changes: AgencyChanges = { version: agency.version };
  if (input.short_name !== agency.short_name) changes.short_name = input.short_name;
  if (input.name !== agency.name) changes.name = input.name;
  if (input.kind !== agency.kind) changes.kind = input.kind;
  if ((input.cluster ?? null) !== (agency.cluster ?? null)) changes.cluster = input.cluster ?? null;
  if ((input.active_from ?? null) !== (agency.active_from ?? null)) changes.active_from = input.active_from ?? null;
  if ((input.active_until ?? null) !== (agency.active_until ?? null)) changes.active_until = input.active_until ?? null;
  return changes;
}

/** Field errors of a refused request (422), or none. */
export function fieldErrorsOf(caught: unknown): Record<string, string> {
  return caught instanceof ApiError ? caught.fieldMap() : {};
}

export function isConflict(caught: unknown): boolean {
  return caught instanceof ApiError && caught.status === 409;
}

export function isNotFound(caught: unknown): boolean {
  return caught instanceof ApiError && caught.status === 404;
}

/** The CSS class of a sanction level: light (1-3), moderate (4-6) or heavy (7 and up), PP 94/2021. */
export function sanctionClass(level: DisciplineLevel | null): string {
  if (!level) return 'sanction sanction--none';
  if (level.rank >= 7) return 'sanction sanction--heavy';
  if (level.rank >= 4) return 'sanction sanction--moderate';
  return 'sanction sanction--light';
}

/** The severity group of a sanction level, for its label. */
export function sanctionGroup(level: DisciplineLevel | null): 'none' | 'light' | 'moderate' | 'heavy' {
  if (!level) return 'none';
  if (level.rank >= 7) return 'heavy';
  if (level.rank >= 4) return 'moderate';
  return 'light';
}

/** "aktif" / "nonaktif" from the address as the API's active=true/false. */
export function activeParam(value: string): string | undefined {
  if (value === 'aktif') return 'true';
  if (value === 'nonaktif') return 'false';
  return undefined;
}

export const PAGE_SIZE = 20;
