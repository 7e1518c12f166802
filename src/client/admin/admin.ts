/**
 * The /admin/ page's own script, after Decap CMS's bundle: registers the `criterion` widget and starts the
 * CMS, which then reads `config.yml` beside the page (generated from src/schema by the build).
 */
import { criterionWidget, type DecapGlobals } from './criterion-widget.ts';

interface DecapCms {
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  init(options?: { config?: Record<string, unknown> }): void;
}

const globals = window as unknown as Window & DecapGlobals & { CMS?: DecapCms };
const cms = globals.CMS;
if (cms) {
  const { control, preview } = criterionWidget(globals);
  cms.registerWidget('criterion', control, preview);
  cms.init();
} else {
  console.error('The editor could not start: decap-cms.js did not load.');
}
