// The planning endpoints (docs/api/planning.md): national priorities, plans, the cascade
// of nodes, alignment links, indicators, the performance tree, the alignment report,
// versions and revisions. Exact decimals travel as strings with a dot.
import { api } from './client';
import type { Items, Page } from './types';
import type { ListQuery } from './organization';

const enc = encodeURIComponent;

export type PlanKind = 'rpjmd' | 'rpd';
export const PLAN_KINDS: readonly PlanKind[] = ['rpjmd', 'rpd'];

export type PlanStatus = 'draft' | 'adopted';

export type NodeKind =
  | 'national_priority'
  | 'region_mission'
  | 'region_goal'
  | 'region_objective'
  | 'agency_goal'
  | 'agency_objective'
  | 'program'
  | 'activity'
  | 'sub_activity';

/** The kinds of a plan's cascade, in the order of the cascade. */
export const PLAN_NODE_KINDS: readonly NodeKind[] = [
  'region_mission',
  'region_goal',
  'region_objective',
  'agency_goal',
  'agency_objective',
  'program',
  'activity',
  'sub_activity',
];

export const ALL_NODE_KINDS: readonly NodeKind[] = ['national_priority', ...PLAN_NODE_KINDS];

export type Polarity = 'higher_is_better' | 'lower_is_better';
export const POLARITIES: readonly Polarity[] = ['higher_is_better', 'lower_is_better'];
export type FormulaVariant = 'ratio' | 'mirror' | 'inverse' | 'binary';
export type Aggregation = 'sum' | 'last' | 'average' | 'max' | 'min';
export const AGGREGATIONS: readonly Aggregation[] = ['sum', 'last', 'average', 'max', 'min'];
export type DataSourceKind = 'bps' | 'planning_agency' | 'sector_system' | 'agency';
export const DATA_SOURCE_KINDS: readonly DataSourceKind[] = ['bps', 'planning_agency', 'sector_system', 'agency'];

/** What a plan's import brings in (docs/api/planning.md, "Imports"). */
export type PlanImportKind = 'nodes' | 'links' | 'indicators' | 'targets';
export const PLAN_IMPORT_KINDS: readonly PlanImportKind[] = ['nodes', 'links', 'indicators', 'targets'];

/** The columns of each plan import's template, in the template's order. */
export const PLAN_IMPORT_COLUMNS: Record<PlanImportKind, readonly string[]> = {
  nodes: ['kind', 'code', 'title', 'parent_code', 'agency_code'],
  links: ['from_kind', 'from_code', 'from_agency_code', 'to_kind', 'to_code', 'to_agency_code', 'weight'],
  indicators: [
    'node_kind',
    'node_code',
    'agency_code',
    'code',
    'name',
    'unit',
    'definition',
    'formula_text',
    'polarity',
    'formula_variant',
    'aggregation',
    'baseline_year',
    'baseline_value',
    'data_source_kind',
    'data_source_name',
    'data_source_reference',
    'responsible_agency_code',
    'key_indicator',
    'spm_service',
  ],
  targets: ['node_kind', 'node_code', 'agency_code', 'indicator', 'year', 'value', 'lower', 'upper'],
};

/** The levels of the national nomenclature list (Permendagri 90/2019). */
export type NomenclatureLevel = 'urusan' | 'bidang' | 'program' | 'activity' | 'sub_activity';
export const NOMENCLATURE_LEVELS: readonly NomenclatureLevel[] = ['urusan', 'bidang', 'program', 'activity', 'sub_activity'];
export const NOMENCLATURE_IMPORT_COLUMNS: readonly string[] = ['code', 'name', 'performance', 'indicator', 'unit'];
export const NOMENCLATURE_PATH = '/api/v1/nomenclature';
export const NOMENCLATURE_EXPORT_PATH = '/api/v1/nomenclature/export';
export const NOMENCLATURE_IMPORT_PATH = '/api/v1/nomenclature/imports';
export const NOMENCLATURE_TEMPLATE_PATH = '/api/v1/nomenclature/template';

export interface NomenclatureEntry {
  code: string;
  level: NomenclatureLevel;
  field_code: string | null;
  name: string;
  performance: string;
  indicator: string;
  unit: string;
  updated_at: string;
}

export interface NomenclatureQuery {
  level?: NomenclatureLevel | '';
  search?: string;
  code_prefix?: string;
  page?: number;
  page_size?: number;
}

/** A provincial minimum service standard (SPM) service and its area ("kesehatan"). */
export interface SpmService {
  area: string;
  service: string;
}

export const FINDING_KINDS = [
  'mission_without_priority',
  'objective_without_program',
  'unaligned_agency_objective',
  'unaligned_program',
  'unaligned_sub_activity',
  'agency_not_connected',
  'weights',
  'indicator_missing_target',
  'indicator_missing_baseline',
  'indicator_missing_source',
  'synergy_hint',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface PlanCounts {
  missions: number;
  goals: number;
  objectives: number;
  agency_objectives: number;
  programs: number;
  activities: number;
  sub_activities: number;
  indicators: number;
}

export interface Plan {
  id: number;
  kind: PlanKind;
  title: string;
  first_year: number;
  last_year: number;
  vision: string;
  status: PlanStatus;
  regulation_number: string | null;
  regulation_date: string | null;
  current_version: number;
  version: number;
  counts?: PlanCounts;
}

export interface NodeSummary {
  id: number;
  kind: NodeKind;
  code: string;
  title: string;
  agency_code: string | null;
}

export interface PlanNode {
  id: number;
  plan_id: number | null;
  kind: NodeKind;
  code: string;
  title: string;
  parent_id: number | null;
  agency_id: number | null;
  agency_code: string | null;
  field_code: string | null;
  field_name: string | null;
  basic_service: boolean;
  builtin: boolean;
  version: number;
}

export interface AlignmentLink {
  id: number;
  plan_id: number;
  from: NodeSummary;
  to: NodeSummary;
  weight: string | null;
}

/** One year's target: a single value or a range. */
export interface Target {
  year: number;
  value?: string | null;
  lower?: string | null;
  upper?: string | null;
}

export interface DataSource {
  kind: DataSourceKind | null;
  name: string | null;
  reference: string | null;
}

export interface Indicator {
  id: number;
  plan_id: number;
  node_id: number;
  node: NodeSummary;
  code: string | null;
  name: string;
  unit: string;
  definition: string | null;
  formula_text: string | null;
  polarity: Polarity;
  formula_variant: FormulaVariant;
  aggregation: Aggregation;
  baseline_year: number | null;
  baseline_value: string | null;
  targets: Target[];
  data_source: DataSource | null;
  responsible_agency_id: number | null;
  responsible_agency_code: string | null;
  key_indicator: boolean;
  spm_service: string | null;
  version: number;
}

export interface PlanNodeDetail extends PlanNode {
  indicators: Indicator[];
  links_out: AlignmentLink[];
  links_in: AlignmentLink[];
  children: NodeSummary[];
}

export interface TreeIndicator {
  id: number;
  name: string;
  unit: string;
  key_indicator: boolean;
  baseline_value: string | null;
  targets: Target[];
}

export interface TreeNode {
  id: number;
  kind: NodeKind;
  code: string;
  title: string;
  agency_code: string | null;
  indicators: TreeIndicator[];
  children: number[];
  matches: boolean;
  on_match_path: boolean;
}

export interface PerformanceTree {
  plan: Plan;
  q: string;
  nodes: TreeNode[];
  roots: number[];
  /** Node ids (not indexes) of the tops of subtrees with no way up. */
  unplaced: number[];
}

export interface Finding {
  kind: FindingKind | (string & {});
  node: NodeSummary | null;
  /** The agency the finding is about (the server adds it; agency_not_connected names it). */
  agency_code?: string | null;
  message: string;
  related: NodeSummary[];
}

export interface AlignmentReport extends Page<Finding> {
  plan_id: number;
  counts: Partial<Record<string, number>>;
}

export interface PlanVersion {
  number: number;
  kind: 'adoption' | 'revision' | (string & {});
  reason: string | null;
  approved_by_name: string | null;
  approved_at: string | null;
  revision_id: number | null;
}

export interface VersionSnapshot {
  plan?: Plan;
  nodes?: (PlanNode | NodeSummary)[];
  links?: AlignmentLink[];
  indicators?: Indicator[];
}

export interface PlanVersionDetail extends PlanVersion {
  snapshot: VersionSnapshot;
}

export interface RevisionChange {
  indicator_id: number;
  indicator_name: string;
  year: number;
  value: string | null;
  lower: string | null;
  upper: string | null;
  previous_value: string | null;
  previous_lower: string | null;
  previous_upper: string | null;
}

export interface Revision {
  id: number;
  plan_id: number;
  reason: string;
  status: 'proposed' | 'approved' | 'rejected';
  changes: RevisionChange[];
  proposed_by_name: string | null;
  proposed_at: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
  version_number: number | null;
  version: number;
}

export interface PlanInput {
  kind: PlanKind;
  title: string;
  first_year: number;
  last_year: number;
  vision: string;
}

export interface NodeInput {
  kind: NodeKind;
  code: string;
  title: string;
  parent_id?: number;
  agency_code?: string;
}

export interface IndicatorInput {
  code?: string | null;
  name: string;
  unit: string;
  definition: string | null;
  formula_text: string | null;
  polarity: Polarity;
  formula_variant: FormulaVariant;
  aggregation: Aggregation;
  baseline_year: number | null;
  baseline_value: string | null;
  targets?: Target[];
  data_source: DataSource;
  responsible_agency_code?: string | null;
  responsible_agency_id?: number | null;
  key_indicator: boolean;
  spm_service: string | null;
  version?: number;
}

export interface RevisionChangeInput {
  indicator_id: number;
  year: number;
  value?: string;
  lower?: string;
  upper?: string;
}

export const planning = {
  nationalPriorities: () => api.get<Items<PlanNode>>('/api/v1/national-priorities'),
  createNationalPriority: (body: { code: string; title: string }) =>
    api.post<PlanNode>('/api/v1/national-priorities', body),
  updateNationalPriority: (id: number, body: { title: string; version: number }) =>
    api.patch<PlanNode>(`/api/v1/national-priorities/${id}`, body),
  deleteNationalPriority: (id: number) => api.delete(`/api/v1/national-priorities/${id}`),

  plans: () => api.get<Items<Plan>>('/api/v1/plans'),
  plan: (id: number) => api.get<Plan>(`/api/v1/plans/${id}`),
  createPlan: (body: PlanInput) => api.post<Plan>('/api/v1/plans', body),
  updatePlan: (id: number, body: Partial<PlanInput> & { version: number }) =>
    api.patch<Plan>(`/api/v1/plans/${id}`, body),
  adopt: (id: number, body: { regulation_number: string; regulation_date: string; version: number }) =>
    api.post<Plan>(`/api/v1/plans/${id}/adopt`, body),

  nodes: (planId: number, query: ListQuery) => api.get<Page<PlanNode>>(`/api/v1/plans/${planId}/nodes`, { query }),
  createNode: (planId: number, body: NodeInput) => api.post<PlanNode>(`/api/v1/plans/${planId}/nodes`, body),
  node: (id: number) => api.get<PlanNodeDetail>(`/api/v1/plan-nodes/${id}`),
  updateNode: (id: number, body: { code: string; title: string; version: number }) =>
    api.patch<PlanNode>(`/api/v1/plan-nodes/${id}`, body),
  deleteNode: (id: number) => api.delete(`/api/v1/plan-nodes/${id}`),

  createLink: (planId: number, body: { from_id: number; to_id: number; weight?: string | null }) =>
    api.post<AlignmentLink>(`/api/v1/plans/${planId}/links`, body),
  updateLink: (id: number, body: { weight: string | null }) => api.patch<AlignmentLink>(`/api/v1/alignment-links/${id}`, body),
  deleteLink: (id: number) => api.delete(`/api/v1/alignment-links/${id}`),

  createIndicator: (nodeId: number, body: IndicatorInput) =>
    api.post<Indicator>(`/api/v1/plan-nodes/${nodeId}/indicators`, body),
  indicator: (id: number) => api.get<Indicator>(`/api/v1/indicators/${id}`),
  updateIndicator: (id: number, body: IndicatorInput) => api.patch<Indicator>(`/api/v1/indicators/${id}`, body),
  deleteIndicator: (id: number) => api.delete(`/api/v1/indicators/${id}`),

  tree: (planId: number, query: { q?: string; agency?: string }) =>
    api.get<PerformanceTree>(`/api/v1/plans/${planId}/tree`, { query }),
  alignmentReport: (planId: number, query: ListQuery) =>
    api.get<AlignmentReport>(`/api/v1/plans/${planId}/alignment-report`, { query }),
  alignmentReportPath: (planId: number) => `/api/v1/plans/${planId}/alignment-report`,

  /** Where a plan import of this kind is posted (?mode=dry_run|commit). */
  importPath: (planId: number, kind: string) => `/api/v1/plans/${planId}/imports/${enc(kind)}`,
  importTemplatePath: (planId: number, kind: string) => `/api/v1/plans/${planId}/imports/${enc(kind)}/template`,

  nomenclature: (query: NomenclatureQuery) => api.get<Page<NomenclatureEntry>>(NOMENCLATURE_PATH, { query: { ...query } }),
  spmServices: () => api.get<Items<SpmService>>('/api/v1/spm-services'),

  versions: (planId: number) => api.get<Items<PlanVersion>>(`/api/v1/plans/${planId}/versions`),
  versionDetail: (planId: number, number: number) =>
    api.get<PlanVersionDetail>(`/api/v1/plans/${planId}/versions/${enc(String(number))}`),
  revisions: (planId: number) => api.get<Items<Revision>>(`/api/v1/plans/${planId}/revisions`),
  proposeRevision: (planId: number, body: { reason: string; changes: RevisionChangeInput[] }) =>
    api.post<Revision>(`/api/v1/plans/${planId}/revisions`, body),
  approveRevision: (id: number, version: number) =>
    api.post<Revision>(`/api/v1/plan-revisions/${id}/approve`, { version }),
  rejectRevision: (id: number, note: string, version: number) =>
    api.post<Revision>(`/api/v1/plan-revisions/${id}/reject`, { note, version }),
};
