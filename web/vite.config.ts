import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The C++ server serves web/dist with a strict Content-Security-Policy (no inline
// scripts or styles, no eval). Everything below keeps the build compatible with it.
export default defineConfig({
  plugins: [vue()],
  define: {
    // vue-i18n feature flags (esm-bundler build): Composition API only, no devtools.
    // Messages are compiled by vue-i18n's JIT compiler into an AST that is interpreted,
    // never turned into code with new Function, so the CSP needs no 'unsafe-eval'.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
    __VUE_OPTIONS_API__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    // Never inline assets as data: URLs in CSS/JS except images (img-src allows data:);
    // fonts are not used. Keep it simple: no inlining at all.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The charts chunk (ECharts core, SVG renderer, line chart) is about 520 kB before
    // compression and only loaded by the attendance-rate page.
    chunkSizeWarningLimit: 600,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Vue, vue-router and vue-i18n in one long-cached chunk, apart from the app code;
        // ECharts (only the attendance-rate page draws charts) in its own, loaded there only.
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
    },
  },
});
