// ECharts, trimmed to what the app draws (line charts with grid, tooltip and legend) and
// rendered as SVG. Under the server's Content-Security-Policy (no inline styles) the
// tooltip must be drawn inside the chart (renderMode 'richText'): the HTML tooltip writes
// style="" attributes through innerHTML, which the policy refuses.
import { use } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export { init, type ECharts } from 'echarts/core';

export interface TrendSeries {
  name: string;
  /** One value per category; null where there is no data. */
  data: (number | null)[];
  /** Drawn thicker and dashed (a total or reference line). */
  emphasis?: boolean;
}
