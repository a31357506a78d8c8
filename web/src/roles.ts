import type { Cluster, RoleGrant, RoleInput, RoleName } from './api/types';
import { roleNeedsAgency, roleNeedsCluster } from './api/types';

/** One editable row of the roles editor. */
export interface RoleRow {
  role: RoleName | '';
  agency_code: string;
  cluster: Cluster | '';
}

export function rowsFromGrants(grants: RoleGrant[]): RoleRow[] {
  return grants.map((grant) => ({
    role: grant.role,
    agency_code: grant.agency_code ?? '',
    cluster: grant.cluster ?? '',
  }));
}

export type RoleRowProblem = 'role' | 'agency' | 'cluster' | 'duplicate';

/** Checks the rows; returns the problem of each row (null when fine). */
export function checkRows(rows: RoleRow[]): (RoleRowProblem | null)[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    if (!row.role) return 'role';
    if (roleNeedsAgency(row.role) && !row.agency_code) return 'agency';
    if (roleNeedsCluster(row.role) && !row.cluster) return 'cluster';
    const key = `${row.role}|${roleNeedsAgency(row.role) ? row.agency_code : ''}|${roleNeedsCluster(row.role) ? row.cluster : ''}`;
    if (seen.has(key)) return 'duplicate';
    seen.add(key);
    return null;
  });
}

export function rowsToInput(rows: RoleRow[]): RoleInput[] {
  const roles: RoleInput[] = [];
  for (const row of rows) {
    if (!row.role) continue;
    const input: RoleInput = { role: row.role };
    if (roleNeedsAgency(row.role)) input.agency_code = row.agency_code;
    if (roleNeedsCluster(row.role) && row.cluster) input.cluster = row.cluster;
    roles.push(input);
  }
  return roles;
}
