import type { InjectionKey, Ref } from 'vue';
import type { TreeNode } from '../api/planning';

/** The state of a performance tree, shared by its nodes. */
export interface PlanTreeState {
  nodes: Ref<readonly TreeNode[]>;
  /** Indexes of the expanded nodes. */
  expanded: Set<number>;
  toggle: (index: number) => void;
  /** The search text whose matches are highlighted. */
  query: Ref<string>;
  /** Everything is rendered expanded (printing). */
  showAll: Ref<boolean>;
}

export const PLAN_TREE: InjectionKey<PlanTreeState> = Symbol('plan-tree');

/** The text split into the parts that match the query (case-insensitive) and the rest. */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf(needle, from);
    if (at < 0) break;
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
