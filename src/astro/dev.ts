/**
 * What `npm run dev` adds to `astro dev` (an Astro integration; nothing of it runs in a build):
 * - `/admin/`, the browser editor, served from memory against the working tree, with Decap's local
 *   backend (`decap-server`) started beside the dev server and stopped with it (src/loader/dev-admin.ts);
 * - lint on every change under the content folder: the changed files' findings in the terminal, the
 *   pages loaded again, open pages reloaded, and each page's findings shown on it
 *   (src/loader/dev-lint.ts, `devFindings` in data.ts, src/components/DevNotice.astro).
 */
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import { contentChanged } from './data.ts';

/** How long the watcher waits for more changes before linting (an editor's save can be several events). */
const SETTLE_MS = 120;

export function playbookDev(): AstroIntegration {
  let stopDecap: (() => Promise<void>) | undefined;
  // A build runs Vite servers of its own (and their server hooks): only `astro dev` gets the editor.
  let isDev = false;
  return {
    name: 'playbook',
    hooks: {
      'astro:config:setup': ({ command }) => {
        isDev = command === 'dev';
      },
      'astro:server:setup': async ({ server, logger }) => {
        if (!isDev) return;
        const { createDevAdmin, startDecapServer } = await import('../loader/dev-admin.ts');
        const { createDevLint } = await import('../loader/dev-lint.ts');

        const admin = createDevAdmin({ log: (line) => logger.info(line) });
        server.middlewares.use((req, res, next) => {
          admin.handle(req, res).then((handled) => handled || next(), next);
        });
        const decapLog = logger.fork('decap-server');
        try {
          const decap = await startDecapServer({ root: admin.root(), log: (line) => decapLog.info(line) });
          stopDecap = decap.stop;
          logger.info(decap.note);
        } catch (error) {
          logger.warn(
            `decap-server could not start, so /admin/ has no local backend: ${(error as Error).message}`,
          );
        }

        const lint = createDevLint();
        logger.info(await lint.start());
        server.watcher.add(lint.contentDir);
        let pending = new Set<string>();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const onFile = (path: string) => {
          if (!lint.watches(path)) return;
          // The next page request loads the playbook again, even before lint has printed, and Astro
          // forgets the pages' getStaticPaths() (a new persona has a page, a broken one has none).
          contentChanged();
          forgetStaticPaths(server);
          pending.add(path);
          clearTimeout(timer);
          timer = setTimeout(async () => {
            const paths = [...pending];
            pending = new Set();
            try {
              logger.info(await lint.changed(paths));
            } catch (error) {
              logger.error(`lint failed after the change: ${(error as Error).message}`);
            }
            server.hot.send({ type: 'full-reload' });
          }, SETTLE_MS);
        };
        server.watcher.on('add', onFile).on('change', onFile).on('unlink', onFile);
      },
      'astro:server:start': ({ address, logger }) => {
        if (!isDev) return;
        const host = /^(?:::1?|0\.0\.0\.0|127\.0\.0\.1)$/.test(address.address)
          ? 'localhost'
          : address.address;
        logger.info(`form editor: http://${host}:${address.port}/admin/`);
      },
      'astro:server:done': async () => {
        await stopDecap?.();
        stopDecap = undefined;
      },
    },
  };
}

/**
 * Astro's dev server keeps each page's getStaticPaths() result until it hears `astro:content-changed`
 * (the event its own content layer sends when collection data changes); the playbook's pages take
 * their paths from the content folder, so a change there means the same.
 */
function forgetStaticPaths(server: ViteDevServer): void {
  for (const [name, environment] of Object.entries(server.environments)) {
    if (name !== 'client') environment.hot.send('astro:content-changed', {});
  }
}
