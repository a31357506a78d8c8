import { ref, shallowRef } from 'vue';
import { identity } from './api/identity';
import type { Agency } from './api/types';

let agencyCache: Promise<Agency[]> | null = null;

/** The agencies of the region (GET /api/v1/agencies), loaded once per page load. */
export function useAgencies() {
  const agencies = shallowRef<Agency[]>([]);
  const loading = ref(true);
  const error = ref<unknown>(null);
  if (!agencyCache) {
    agencyCache = identity.agencies().then((answer) => answer.items);
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
