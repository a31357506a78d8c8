import type { InjectionKey } from 'vue';

/** The collapsed units of an organisation chart, shared by its nodes. */
export interface OrgChartState {
  collapsed: Set<number>;
  toggle: (unitId: number) => void;
  linkPeople: boolean;
}

export const ORG_CHART: InjectionKey<OrgChartState> = Symbol('org-chart');
