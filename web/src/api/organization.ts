// The organization endpoints, one function each (docs/api/organization.md).
import { api, fetchFile, type DownloadedFile, type RequestOptions } from './client';
import type {
  AgencyKind,
  AgencyRecord,
  Assignment,
  AssignmentKind,
  AttendanceRates,
  Cluster,
  DisciplineRow,
  EmploymentStatus,
  ImportKind,
  Items,
  OrganizationSettings,
  OrgChart,
  Page,
  Person,
  PersonAttendance,
  PersonDetail,
  Position,
  PositionDetail,
  PositionLevel,
  RegionRecord,
  Unit,
  UnitKind,
  VacancyPage,
} from './types';

const enc = encodeURIComponent;

/** Query values of a list request (page, page_size, sort, q and the list's own filters). */
export type ListQuery = NonNullable<RequestOptions['query']>;

export type ExportFormat = 'csv' | 'xlsx';

/** A regency (64.02) or city (64.71) below the caller's province. */
export interface RegionInput {
  code: string;
  name: string;
}

export interface AgencyInput {
  code: string;
  short_name: string;
  name: string;
  kind: AgencyKind;
  cluster?: Cluster | null;
  active_from?: string | null;
  active_until?: string | null;
}

export interface AgencyChanges {
  version: number;
  short_name?: string;
  name?: string;
  kind?: AgencyKind;
  cluster?: Cluster | null;
  active_from?: string | null;
  active_until?: string | null;
  active?: boolean;
}

export interface UnitInput {
  agency_code: string;
  parent_id?: number | null;
  code: string;
  name: string;
  kind: UnitKind;
}

export interface UnitChanges {
  version: number;
  parent_id?: number | null;
  name?: string;
  kind?: UnitKind;
  active?: boolean;
}

export interface PositionInput {
  agency_code: string;
  unit_id?: number | null;
  code: string;
  title: string;
  level: PositionLevel;
  is_agency_head: boolean;
  is_unit_head: boolean;
  established_on: string;
}

export interface PositionChanges {
  version: number;
  unit_id?: number | null;
  title?: string;
  level?: PositionLevel;
  is_agency_head?: boolean;
  is_unit_head?: boolean;
  active?: boolean;
}

export interface PersonInput {
  nip: string;
  name: string;
  rank_grade: string;
  employment_status: EmploymentStatus;
  agency_code?: string | null;
}

export interface PersonChanges {
  version: number;
  name?: string;
  rank_grade?: string;
  employment_status?: EmploymentStatus;
  agency_code?: string | null;
  active?: boolean;
}

export interface AssignmentInput {
  person_id: number;
  position_id: number;
  kind: AssignmentKind;
  starts_on: string;
  ends_on?: string;
  decree_number?: string;
  note?: string;
}

export interface AssignmentChanges {
  version: number;
  ends_on?: string | null;
  decree_number?: string | null;
  note?: string | null;
}

/** Where an import of this kind is posted (attendance has its own endpoint). */
export function organizationImportPath(kind: ImportKind): string {
  return kind === 'attendance' ? '/api/v1/attendance/imports' : `/api/v1/organization/imports/${enc(kind)}`;
}

/** Where the empty template of an import of this kind is downloaded. */
export function organizationTemplatePath(kind: ImportKind): string {
  return kind === 'attendance' ? '/api/v1/attendance/template' : `/api/v1/organization/imports/${enc(kind)}/template`;
}

export const organization = {
  regions: () => api.get<Items<RegionRecord>>('/api/v1/regions'),
  createRegion: (body: RegionInput) => api.post<RegionRecord>('/api/v1/regions', body),

  agencies: (query: ListQuery) => api.get<Page<AgencyRecord>>('/api/v1/agencies', { query }),
  agency: (code: string) => api.get<AgencyRecord>(`/api/v1/agencies/${enc(code)}`),
  createAgency: (body: AgencyInput) => api.post<AgencyRecord>('/api/v1/agencies', body),
  updateAgency: (code: string, body: AgencyChanges) => api.patch<AgencyRecord>(`/api/v1/agencies/${enc(code)}`, body),
  chart: (code: string) => api.get<OrgChart>(`/api/v1/agencies/${enc(code)}/chart`),

  units: (agencyCode: string) => api.get<Items<Unit>>('/api/v1/units', { query: { agency_code: agencyCode } }),
  createUnit: (body: UnitInput) => api.post<Unit>('/api/v1/units', body),
  updateUnit: (id: number, body: UnitChanges) => api.patch<Unit>(`/api/v1/units/${id}`, body),

  positions: (query: ListQuery) => api.get<Page<Position>>('/api/v1/positions', { query }),
  position: (id: number) => api.get<PositionDetail>(`/api/v1/positions/${id}`),
  createPosition: (body: PositionInput) => api.post<Position>('/api/v1/positions', body),
  updatePosition: (id: number, body: PositionChanges) => api.patch<Position>(`/api/v1/positions/${id}`, body),

  people: (query: ListQuery) => api.get<Page<Person>>('/api/v1/people', { query }),
  person: (id: number) => api.get<PersonDetail>(`/api/v1/people/${id}`),
  createPerson: (body: PersonInput) => api.post<Person>('/api/v1/people', body),
  updatePerson: (id: number, body: PersonChanges) => api.patch<Person>(`/api/v1/people/${id}`, body),

  createAssignment: (body: AssignmentInput) => api.post<Assignment>('/api/v1/assignments', body),
  updateAssignment: (id: number, body: AssignmentChanges) => api.patch<Assignment>(`/api/v1/assignments/${id}`, body),

  vacancies: (query: ListQuery) => api.get<VacancyPage>('/api/v1/vacancies', { query }),
  settings: () => api.get<OrganizationSettings>('/api/v1/organization/settings'),
  updateSettings: (body: OrganizationSettings) => api.put<OrganizationSettings>('/api/v1/organization/settings', body),

  personAttendance: (id: number, year: number) =>
    api.get<PersonAttendance>(`/api/v1/people/${id}/attendance`, { query: { year } }),
  discipline: (query: ListQuery) => api.get<Page<DisciplineRow>>('/api/v1/discipline', { query }),
  attendanceRates: (query: { year: number; agency_code?: string; cluster?: string }) =>
    api.get<AttendanceRates>('/api/v1/attendance/rates', { query }),

  /** The whole filtered list of an endpoint as a CSV or XLSX file (no paging). */
  exportList: (path: string, query: ListQuery, format: ExportFormat): Promise<DownloadedFile> => {
    const rest: ListQuery = { ...query };
    delete rest.page;
    delete rest.page_size;
    return fetchFile(path, { ...rest, format });
  },
};
