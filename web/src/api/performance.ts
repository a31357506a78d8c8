// The performance endpoints (issue 6; src/contexts/performance/performance_routes.cpp and
// performance_json.cpp): agreements and their signing workflow, quarterly realizations with
// evidence and verification, reporting windows, scorecards and the reports. Exact decimals
// travel as strings with a dot, money as whole rupiah, percents as strings with 2 decimals.
import { api, uploadFile, XLSX_TYPE, type UploadOptions } from './client';
import type { Items, Page } from './types';
import type { Aggregation, FormulaVariant, Polarity } from './planning';

const enc = encodeURIComponent;

export type AgreementState = 'draft' | 'submitted' | 'signed_by_first_party' | 'signed' | 'abandoned';
export const AGREEMENT_STATES: readonly AgreementState[] = ['draft', 'submitted', 'signed_by_first_party', 'signed', 'abandoned'];

/** A step the caller may take, and whether the server refuses it without a comment. */
export interface WorkflowStep {
  transition: string;
  comment_required: boolean;
}

export type RealizationState = 'draft' | 'submitted' | 'verified';

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** A target: a single value, a range, or nothing. */
export interface PerformanceTarget {
  value?: string | null;
  lower?: string | null;
  upper?: string | null;
}

export interface Party {
  name: string;
  nip: string;
  rank: string;
  position: string;
}

export interface AgreementItem {
  indicator_id: number;
  objective_code: string;
  objective: string;
  indicator: string;
  unit: string;
  polarity: Polarity;
  variant: FormulaVariant;
  aggregation: Aggregation;
  yearly_target: PerformanceTarget | null;
  /** TW I-IV, cumulative (year-to-date) targets; null where none is set. */
  quarter_targets: (PerformanceTarget | null)[];
}

export interface AgreementProgram {
  node_id: number;
  kind: string;
  code: string;
  title: string;
  /** Whole rupiah. */
  budget: number;
}

export interface TimelineStep {
  sequence: number;
  transition: string;
  from: string;
  to: string;
  actor: string;
  at: string;
  comment: string;
  fields: Record<string, string>;
  attachments: string[];
}

export interface AgreementSummary {
  id: number;
  agency_code: string;
  agency_name: string;
  year: number;
  number: number;
  kind: 'original' | 'revision';
  previous_id: number | null;
  revision_reason: string;
  state: AgreementState | (string & {});
  superseded: boolean;
  /** The id of the signed revision that replaced it (only in the detail). */
  superseded_by: number | null;
  superseded_by_number: number | null;
  document_sha256: string | null;
  document_intact: boolean;
  first_party: Party;
  second_party: Party;
  items_count: number;
  programs_count: number;
  total_budget: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
  editable: boolean;
  /** The workflow steps the caller may take now. */
  available: string[];
  steps: WorkflowStep[];
}

export interface Agreement extends AgreementSummary {
  region_name: string;
  items: AgreementItem[];
  programs: AgreementProgram[];
  timeline: TimelineStep[];
}

export interface CandidateIndicator {
  id: number;
  objective_code: string;
  objective: string;
  node_kind: string;
  name: string;
  unit: string;
  polarity: Polarity;
  key_indicator: boolean;
  target: PerformanceTarget | null;
}

export interface CandidateProgram {
  node_id: number;
  kind: string;
  code: string;
  title: string;
}

export interface Candidates {
  indicators: CandidateIndicator[];
  programs: CandidateProgram[];
}

export interface AgreementQuery {
  year?: number;
  agency_code?: string;
  state?: string;
  search?: string;
  page?: number;
  page_size?: number;
}

export interface AgreementCreate {
  agency_code: string;
  year: number;
  second_party: Party;
}

export interface ItemInput {
  indicator_id: number;
  yearly_target: PerformanceTarget | null;
  quarter_targets: (PerformanceTarget | null)[];
}

export interface AgreementUpdate {
  version: number;
  second_party: Party;
  items: ItemInput[];
  programs: { node_id: number; budget: number }[];
}

export interface Evidence {
  id: number;
  kind: 'file' | 'link';
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string | null;
  /** The file's download address, or the link. */
  url: string;
  added_by: string;
  added_at: string;
}

export interface Realization {
  id: number;
  agency_code: string;
  indicator_id: number;
  year: number;
  quarter: number;
  agreement_id: number;
  value: string | null;
  verified_value: string | null;
  data_source: string;
  supporting_factors: string;
  inhibiting_factors: string;
  follow_up_plan: string;
  verifier_note: string;
  submitted_at: string | null;
  late: boolean;
  verified_at: string | null;
  state: RealizationState | (string & {});
  version: number;
  editable: boolean;
  available: string[];
  steps: WorkflowStep[];
  evidence: Evidence[];
  timeline: TimelineStep[];
}

export type WindowStatus = 'upcoming' | 'open' | 'closed';

export interface QuarterRow {
  item: AgreementItem;
  quarter_target: PerformanceTarget | null;
  realization: Realization | null;
}

export interface QuarterReport {
  agency_code: string;
  agency_name: string;
  year: number;
  quarter: number;
  agreement: { id: number; number: number } | null;
  /** The caller may enter this agency's values (the server decides). */
  can_report: boolean;
  window: { opens_on: string; closes_on: string; status: WindowStatus } | null;
  counts: { indicators: number; with_value: number; submitted: number; verified: number; late: number };
  rows: QuarterRow[];
}

export interface RealizationInput {
  agency_code: string;
  indicator_id: number;
  year: number;
  quarter: number;
  value: string | null;
  data_source: string;
  supporting_factors: string;
  inhibiting_factors: string;
  follow_up_plan: string;
  version?: number;
}

export interface QueueEntry {
  realization: Realization;
  indicator: string;
  unit: string;
  target: PerformanceTarget | null;
  waiting_since: string;
}

export interface Queue extends Items<QueueEntry> {
  total: number;
}

export interface ReportingWindow {
  quarter: number;
  opens_on: string;
  closes_on: string;
}

export type AchievementStatus = 'computed' | 'not_available' | 'not_computable';

export interface Rollup {
  status: AchievementStatus;
  percent: string | null;
  included: number;
  missing: number;
  total: number;
  predicate: string | null;
}

export interface PredicateBand {
  test: 'ge' | 'gt' | 'any';
  bound: string | null;
  predicate: string;
}

export interface PredicateScale {
  name: string;
  version: number;
  bands: PredicateBand[];
}

/** The predicate scale of a year: the chosen one, or the default when nobody chose. */
export interface ScaleChoice {
  year: number;
  scale: PredicateScale;
  /** A built-in scale (else the region's own). */
  preset: boolean;
  /** false: nobody chose, the default applies. */
  chosen: boolean;
  chosen_by: string | null;
  chosen_at: string | null;
  /** Sent back when choosing (0 when never chosen). */
  version: number;
}

/** The scales to choose from and the region's choices by year. */
export interface ScaleCatalog {
  presets: PredicateScale[];
  /** The region's own scales, every version, by name and version. */
  custom: PredicateScale[];
  years: ScaleChoice[];
}

/** A band being sent: `bound` a decimal with a dot, absent for `any`. */
export interface PredicateBandInput {
  test: PredicateBand['test'];
  bound?: string | null;
  predicate: string;
}

/** Choose a built-in scale, or the region's own (a new version when its bands differ). */
export type ScaleChoiceInput =
  | { version: number; preset: string }
  | { version: number; scale: { name: string; bands: PredicateBandInput[] } };

export interface QuarterAchievement {
  quarter: number;
  year_to_date: string | null;
  reported_periods: number;
  target: PerformanceTarget | null;
  status: AchievementStatus;
  percent: string | null;
  reason: string | null;
  capped: boolean;
  predicate: string | null;
  /** A counted value is still waiting for verification. */
  unverified: boolean;
}

export interface QuarterValue {
  reported: string | null;
  verified: string | null;
  state: string | null;
  counted: string | null;
  basis: 'none' | 'reported' | 'verified';
}

export interface ScorecardItem extends AgreementItem {
  quarters: QuarterValue[];
  trend: QuarterAchievement[];
  achievement: QuarterAchievement | null;
}

export interface Scorecard {
  agency_code: string;
  agency_name: string;
  year: number;
  through_quarter: number;
  agreement: { id: number; number: number } | null;
  scale: PredicateScale | null;
  overall: Rollup;
  items: ScorecardItem[];
}

export interface RegionScorecardRow {
  rank: number | null;
  agency_code: string;
  agency_name: string;
  cluster: string | null;
  has_agreement: boolean;
  overall: Rollup;
  indicators: number;
  submitted: number;
  verified: number;
  late: number;
}

export interface RegionScorecard {
  year: number;
  through_quarter: number;
  scale: PredicateScale | null;
  overall: Rollup;
  rows: RegionScorecardRow[];
}

export interface Explanation extends QuarterAchievement {
  indicator_id: number;
  indicator: string;
  scale: PredicateScale | null;
  steps: string[];
}

export type ReportFormat = 'pdf' | 'xlsx';

// --- Evidence files ---

/** Largest evidence file the server takes. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** The accepted evidence types by extension, with the Content-Type they are sent with. */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  xlsx: XLSX_TYPE,
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
};

export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.xlsx,.docx,.csv';

export function evidenceExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
}

// --- Addresses of the files (plain links: same origin, cookie auth) ---

export function agreementDocumentUrl(id: number): string {
  return `/api/v1/agreements/${id}/document`;
}

export function monitoringReportUrl(agencyCode: string, year: number, quarter: number, format: ReportFormat): string {
  const query = new URLSearchParams({ agency_code: agencyCode, year: String(year), quarter: String(quarter), format });
  return `/api/v1/reports/monitoring?${query.toString()}`;
}

export function accountabilityReportUrl(agencyCode: string, year: number, format: ReportFormat): string {
  const query = new URLSearchParams({ agency_code: agencyCode, year: String(year), format });
  return `/api/v1/reports/accountability?${query.toString()}`;
}

export const performance = {
  agreements: (query: AgreementQuery) => api.get<Page<AgreementSummary>>('/api/v1/agreements', { query: { ...query } }),
  agreement: (id: number) => api.get<Agreement>(`/api/v1/agreements/${id}`),
  createAgreement: (body: AgreementCreate) => api.post<Agreement>('/api/v1/agreements', body),
  updateAgreement: (id: number, body: AgreementUpdate) => api.put<Agreement>(`/api/v1/agreements/${id}`, body),
  candidates: (id: number) => api.get<Candidates>(`/api/v1/agreements/${id}/candidates`),
  agreementStep: (id: number, body: { transition: string; comment?: string; version: number }) =>
    api.post<Agreement>(`/api/v1/agreements/${id}/steps`, body),
  reviseAgreement: (id: number, reason: string) => api.post<Agreement>(`/api/v1/agreements/${id}/revisions`, { reason }),

  quarter: (query: { agency_code: string; year: number; quarter: number }) =>
    api.get<QuarterReport>('/api/v1/realizations', { query }),
  saveRealization: (body: RealizationInput) => api.put<Realization>('/api/v1/realizations', body),
  realization: (id: number) => api.get<Realization>(`/api/v1/realizations/${id}`),
  realizationStep: (
    id: number,
    body: { transition: string; comment?: string; verified_value?: string; version: number },
  ) => api.post<Realization>(`/api/v1/realizations/${id}/steps`, body),
  uploadEvidence: (id: number, file: File, options: UploadOptions = {}) =>
    uploadFile<Realization>(`/api/v1/realizations/${id}/evidence`, file, {
      ...options,
      contentType: EVIDENCE_TYPES[evidenceExtension(file.name)] ?? (file.type || 'application/octet-stream'),
      fileNameHeader: enc(file.name),
    }),
  addEvidenceLink: (id: number, body: { url: string; title: string }) =>
    api.post<Realization>(`/api/v1/realizations/${id}/evidence-links`, body),
  removeEvidence: (id: number, evidenceId: number) =>
    api.delete<Realization>(`/api/v1/realizations/${id}/evidence/${evidenceId}`),

  queue: (query: { agency_code?: string; year?: number; quarter?: number }) =>
    api.get<Queue>('/api/v1/verification-queue', { query }),

  windows: (year: number) => api.get<Items<ReportingWindow>>('/api/v1/reporting-windows', { query: { year } }),
  putWindows: (body: { year: number; windows: ReportingWindow[] }) =>
    api.put<Items<ReportingWindow>>('/api/v1/reporting-windows', body),

  predicateScales: () => api.get<ScaleCatalog>('/api/v1/predicate-scales'),
  scaleChoice: (year: number) => api.get<ScaleChoice>(`/api/v1/predicate-scales/${year}`),
  chooseScale: (year: number, body: ScaleChoiceInput) => api.put<ScaleChoice>(`/api/v1/predicate-scales/${year}`, body),

  regionScorecard: (query: { year: number; quarter: number }) =>
    api.get<RegionScorecard>('/api/v1/scorecards', { query }),
  scorecard: (code: string, query: { year: number; quarter: number }) =>
    api.get<Scorecard>(`/api/v1/scorecards/${enc(code)}`, { query }),
  explanation: (code: string, query: { indicator_id: number; year: number; quarter: number }) =>
    api.get<Explanation>(`/api/v1/scorecards/${enc(code)}/explanation`, { query }),
};
