// The year and quarter of a performance page in the address (?tahun=&tw=): filled in when
// missing (this year, the latest quarter whose reporting window has opened), changed by the
// page's selectors, and reported to the page whenever they change.
import { computed, reactive, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { performance } from './api/performance';
import { currentYear, latestOpenedQuarter, quarterParam } from './performance';

export function usePeriodQuery(routeName: string, onChange: (year: number, quarter: number) => void) {
  const route = useRoute();
  const router = useRouter();
  const applied = computed(() => ({
    tahun: typeof route.query.tahun === 'string' ? route.query.tahun : '',
    tw: typeof route.query.tw === 'string' ? route.query.tw : '',
  }));
  const choice = reactive({ tahun: '', tw: '' });

  async function complete(): Promise<boolean> {
    let { tahun, tw } = applied.value;
    if (!/^\d{4}$/.test(tahun)) tahun = String(currentYear());
    if (!quarterParam(tw)) {
      try {
        tw = String(latestOpenedQuarter((await performance.windows(Number(tahun))).items));
      } catch {
        tw = '1';
      }
    }
    if (tahun === applied.value.tahun && tw === applied.value.tw) return false;
    await router.replace({ query: { ...route.query, tahun, tw } });
    return true;
  }

  watch(
    () => route.query,
    async () => {
      if (route.name !== routeName) return;
      Object.assign(choice, applied.value);
      if (await complete()) return;
      onChange(Number(applied.value.tahun), Number(applied.value.tw));
    },
    { immediate: true },
  );

  watch(
    () => ({ ...choice }),
    (value) => {
      if (route.name !== routeName) return;
      if (value.tahun !== applied.value.tahun || value.tw !== applied.value.tw) {
        void router.push({ query: { ...route.query, tahun: value.tahun, tw: value.tw } });
      }
    },
  );

  return { applied, choice };
}
