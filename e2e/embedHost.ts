// A host page for embedding tests: another origin than the app (localhost vs 127.0.0.1, both
// served by the preview server, so Chromium's local-network rules allow the frame), with one
// iframe of a given box. The page is the app's own favicon URL with its body replaced, so no
// fixture file has to be served.
import type { FrameLocator, Page } from '@playwright/test';

export interface HostOptions {
  readonly width: number;
  readonly height: number;
  /** The app's query, without `?`. */
  readonly query: string;
}

/** The app's origin as the tests' baseURL names it, and another origin for the same server. */
export function origins(baseURL: string | undefined): { app: string; host: string } {
  const app = new URL(baseURL ?? 'http://127.0.0.1:4173');
  const host = new URL(app.href);
  host.hostname = 'localhost';
  return { app: app.origin, host: host.origin };
}

/** Opens a host page of the other origin holding the app in a `width`×`height` iframe. */
export async function openHost(
  page: Page,
  baseURL: string | undefined,
  { width, height, query }: HostOptions,
): Promise<FrameLocator> {
  const { app, host } = origins(baseURL);
  await page.goto(`${host}/favicon.ico`);
  await page.evaluate(
    ([src, w, h]) => {
      document.body.style.cssText = 'margin:16px;background:#444';
      const frame = document.createElement('iframe');
      frame.id = 'viz';
      frame.style.cssText = `border:0;width:${w}px;height:${h}px`;
      frame.src = src ?? '';
      document.body.append(frame);
    },
    [`${app}/?${query}`, String(width), String(height)],
  );
  return page.frameLocator('#viz');
}
