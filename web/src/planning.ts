// Helpers shared by the planning pages: the rules of the cascade (docs/api/planning.md),
// exact decimals and targets.
import { ApiError } from './api/client';
import { planning, type FormulaVariant, type NodeKind, type NodeSummary, type Polarity, type SpmService, type Target } from './api/planning';
import { formatDecimal } from './format';
import { agencyGrants, can } from './session';

/** The kind a node's parent must have; null when the kind takes no parent. */
export const PARENT_KIND: Record<NodeKind, NodeKind | null> = {
  national_priority: null,
  region_mission: null,
  region_goal: 'region_mission',
  region_objective: 'region_goal',
  agency_goal: null,
  agency_objective: 'agency_goal',
  program: null,
  activity: 'program',
  sub_activity: 'activity',
};

/** Whether the parent is required (region goal, objective, activity, sub-activity). */
export function parentRequired(kind: NodeKind): boolean {
  return kind === 'region_goal' || kind === 'region_objective' || kind === 'activity' || kind === 'sub_activity';
}

/** Kinds that belong to an agency (an agency is chosen when the kind takes no parent). */
export function isAgencyKind(kind: NodeKind): boolean {
  return ['agency_goal', 'agency_objective', 'program', 'activity', 'sub_activity'].includes(kind);
}

/** Whether the agency is chosen on creation (activities and sub-activities take the parent's). */
export function needsAgency(kind: NodeKind): boolean {
  return kind === 'agency_goal' || kind === 'agency_objective' || kind === 'program';
}

/** Region kinds are planning.manage's, agency kinds planning.agency.manage's. */
export function managePermission(kind: NodeKind): string {
  if (kind === 'national_priority') return 'national_priorities.manage';
  return isAgencyKind(kind) ? 'planning.agency.manage' : 'planning.manage';
}

/** The kinds a link from this kind may point to. */
export function linkTargetKinds(kind: NodeKind): NodeKind[] {
  switch (kind) {
    case 'region_mission':
    case 'region_goal':
      return ['national_priority'];
    case 'agency_goal':
      return ['region_goal', 'region_objective'];
    case 'agency_objective':
      return ['region_objective'];
    case 'program':
      return ['agency_objective'];
    default:
      return [];
  }
}

/** The formula variants that fit a polarity. */
export function variantsFor(polarity: Polarity): FormulaVariant[] {
  return polarity === 'higher_is_better' ? ['ratio', 'binary'] : ['mirror', 'inverse', 'binary'];
}

/** The target of the year nearest to this year (later years win a tie). */
export function nearestTarget(targets: readonly Target[], year = new Date().getFullYear()): Target | null {
  let best: Target | null = null;
  for (const target of targets) {
    if (
      !best ||
      Math.abs(target.year - year) < Math.abs(best.year - year) ||
      (Math.abs(target.year - year) === Math.abs(best.year - year) && target.year > best.year)
    ) {
      best = target;
    }
  }
  return best;
}

/** A target's value as text: "78,65" or "5,20–5,60". */
export function targetText(target: Target | null | undefined): string {
  if (!target) return '—';
  if (target.value !== undefined && target.value !== null && target.value !== '') return formatDecimal(target.value);
  if (target.lower || target.upper) return `${formatDecimal(target.lower)}–${formatDecimal(target.upper)}`;
  return '—';
}

/** A decimal typed by the user ("78,25", "1.234,5"? no: only one separator) as the API's text with a dot. */
export function decimalInput(text: string): string {
  return text.trim().replace(/\s/g, '').replace(',', '.');
}

/** The years of a plan's period. */
export function planYears(firstYear: number, lastYear: number): number[] {
  const years: number[] = [];
  for (let year = firstYear; year <= lastYear && years.length < 50; year += 1) years.push(year);
  return years;
}

/** The app's path of a node. */
export function nodePath(id: number): string {
  return `/perencanaan/simpul/${id}`;
}

/** The `dependants` of a 409 answer to a delete (the nodes that still depend on it). */
export function dependantsOf(caught: unknown): NodeSummary[] {
  if (!(caught instanceof ApiError)) return [];
  const list = (caught.problem as { dependants?: unknown }).dependants;
  return Array.isArray(list) ? (list as NodeSummary[]) : [];
}

/**
 * Whether the user may change a node of this kind and agency: region kinds need
 * planning.manage; agency kinds planning.agency.manage, which agency heads and staff hold
 * for their own agency only (the planners and the administrator, who also hold
 * planning.manage, for every agency).
 */
export function canManageNode(kind: NodeKind, agencyCode: string | null): boolean {
  const permission = managePermission(kind);
  if (!can(permission)) return false;
  if (permission !== 'planning.agency.manage' || can('planning.manage')) return true;
  return agencyGrants().some((grant) => grant.agency_code === agencyCode);
}

/** The kinds whose codes come from the national nomenclature list, and the list's level of each. */
export const NOMENCLATURE_LEVEL_OF: Partial<Record<NodeKind, 'program' | 'activity' | 'sub_activity'>> = {
  program: 'program',
  activity: 'activity',
  sub_activity: 'sub_activity',
};

let spmServices: Promise<SpmService[]> | null = null;

/** The provincial SPM services (a fixed list): loaded once per page load, again after a failure. */
export function loadSpmServices(): Promise<SpmService[]> {
  if (!spmServices) {
    spmServices = planning.spmServices().then(
      (answer) => answer.items,
      (caught: unknown) => {
        spmServices = null;
        throw caught;
      },
    );
  }
  return spmServices;
}
