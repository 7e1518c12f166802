/**
 * Runs before Decap CMS's bundle on /admin/: tells it not to start by itself, so that admin.ts registers
 * the custom widgets first and then starts it.
 */
(window as Window & { CMS_MANUAL_INIT?: boolean }).CMS_MANUAL_INIT = true;
