// A list page whose filters, sort and page live in the address (so a filtered list can be
// bookmarked, shared and reloaded): the route query is the truth, the form is a copy the
// user edits until "Cari", and every change of the query loads the list again.
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';

/** Filter name (also its query parameter, in Indonesian) -> value. */
export type FilterValues = Record<string, string>;

export interface ListState<F extends FilterValues> {
  filters: F;
  page: number;
  /** The API's sort value ("name", "-name"); '' for the server's default order. */
  sort: string;
}

const PAGE_PARAM = 'halaman';
const SORT_PARAM = 'urut';

function single(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function useRouteList<F extends FilterValues, R>(options: {
  /** The route this list belongs to: the query is ignored while another route is shown. */
  routeName: string;
  /** Every filter with its empty value. */
  defaults: F;
  /** Sort values the API accepts (without the leading "-"). */
  sortable?: readonly string[];
  fetch: (state: ListState<F>) => Promise<R>;
}) {
  const route = useRoute();
  const router = useRouter();

  function stateFromQuery(query: LocationQuery): ListState<F> {
    const filters = { ...options.defaults };
    for (const key of Object.keys(options.defaults)) {
      (filters as FilterValues)[key] = single(query[key]);
    }
    const page = Number.parseInt(single(query[PAGE_PARAM]), 10);
    const sort = single(query[SORT_PARAM]);
    const sortKey = sort.startsWith('-') ? sort.slice(1) : sort;
    return {
      filters,
      page: Number.isFinite(page) && page > 0 ? page : 1,
      sort: options.sortable?.includes(sortKey) ? sort : '',
    };
  }

  function queryFor(state: ListState<F>): Record<string, string> {
    const query: Record<string, string> = {};
    for (const [key, value] of Object.entries(state.filters)) {
      if (value) query[key] = value;
    }
    if (state.sort) query[SORT_PARAM] = state.sort;
    if (state.page > 1) query[PAGE_PARAM] = String(state.page);
    return query;
  }

  const applied = computed(() => stateFromQuery(route.query));
  const form = reactive({ ...applied.value.filters }) as F;
  const result = shallowRef<R | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let generation = 0;

  async function load(): Promise<void> {
    const current = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const answer = await options.fetch(applied.value);
      if (current === generation) result.value = answer;
    } catch (caught) {
      if (current === generation) {
        error.value = caught;
        result.value = null;
      }
    } finally {
      if (current === generation) loading.value = false;
    }
  }

  watch(
    () => route.query,
    () => {
      if (route.name !== options.routeName) return;
      Object.assign(form, applied.value.filters);
      void load();
    },
    { immediate: true },
  );

  function go(state: ListState<F>): void {
    const query = queryFor(state);
    if (JSON.stringify(query) === JSON.stringify(queryFor(applied.value))) {
      void load();
    } else {
      void router.push({ query });
    }
  }

  /** Applies the form (trimmed) and the given sort from page 1. */
  function applyWithSort(sort: string): void {
    const filters = { ...form };
    for (const key of Object.keys(filters)) {
      (filters as FilterValues)[key] = String(filters[key] ?? '').trim();
    }
    go({ filters, page: 1, sort });
  }

  /** Applies the form from page 1, keeping the sort (a form's submit handler). */
  function apply(): void {
    applyWithSort(applied.value.sort);
  }

  /** Applies one filter change at once (for selects that filter without "Cari"). */
  function setFilter(key: keyof F & string, value: string): void {
    (form as FilterValues)[key] = value;
    apply();
  }

  function reset(): void {
    void router.push({ query: {} });
  }

  function goToPage(page: number): void {
    go({ ...applied.value, page });
  }

  /** Sorts by a column: ascending first, descending when it is already ascending. */
  function sortBy(key: string): void {
    const sort = applied.value.sort === key ? `-${key}` : key;
    go({ ...applied.value, page: 1, sort });
  }

  /** Sets the sort ('' for the server's default), from page 1. */
  function setSort(sort: string): void {
    go({ ...applied.value, page: 1, sort });
  }

  return { applied, form, result, loading, error, load, apply, applyWithSort, setFilter, reset, goToPage, sortBy, setSort };
}

/** A column of DataTable. */
export interface DataColumn {
  key: string;
  label: string;
  /** The API's sort value for this column: its header becomes a sort button. */
  sort?: string;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** The API's plain sort value puts the largest first ("days": oldest first), "-" the smallest. */
  largestFirst?: boolean;
}
