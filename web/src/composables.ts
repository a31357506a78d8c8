import { ref, shallowRef } from 'vue';
import { identity } from './api/identity';
import type { Agency } from './api/types';
import { session } from './session';

let agencyCache: Promise<Agency[]> | null = null;
let agencyCacheUser: number | null = null;

/** Every page of GET /api/v1/agencies (one page when the server answers without paging). */
async function loadAllAgencies(): Promise<Agency[]> {
  const all: Agency[] = [];
  for (let page = 1; page <= 100; page += 1) {
    const answer = await identity.agencies({ page, page_size: 100 });
    all.push(...answer.items);
    if (typeof answer.total !== 'number' || answer.items.length === 0 || all.length >= answer.total) break;
  }
  return all;
}

/** The agencies of the region (GET /api/v1/agencies), loaded once per page load and user. */
export function useAgencies() {
  const agencies = shallowRef<Agency[]>([]);
  const loading = ref(true);
  const error = ref<unknown>(null);
  const userId = session.user?.id ?? null;
  if (!agencyCache || agencyCacheUser !== userId) {
    agencyCacheUser = userId;
    agencyCache = loadAllAgencies();
    agencyCache.catch(() => {
      agencyCache = null;
    });
  }
  agencyCache
    .then((items) => {
      agencies.value = [...items].sort((a, b) => a.short_name.localeCompare(b.short_name));
    })
    .catch((caught: unknown) => {
      error.value = caught;
    })
    .finally(() => {
      loading.value = false;
    });
  return { agencies, loading, error };
}

/** Forgets the loaded agencies (after one was added or changed). */
export function forgetAgencies(): void {
  agencyCache = null;
}
