import { chromium } from '@playwright/test';
import config from './playwright.config';
import { firstLoad } from './bench/firstFrame';
import { readdirSync } from 'node:fs';
const entry = (d: string) => readdirSync(`${d}/assets`).filter((f) => f.startsWith('main-'));
const browser = await chromium.launch(config.use?.launchOptions ?? {});
const res: Record<string, number[]> = { old: [], new: [] };
for (let i = 0; i < Number(process.env.N ?? 7); i++) {
  for (const [k, port, d] of [['old', 4191, '/tmp/dist-old'], ['new', 4192, '/tmp/dist-new']] as const) {
    const l = await firstLoad(browser, `http://127.0.0.1:${port}`, process.env.Q ?? '?scenario=memory-alloc-free&animate=0', entry(d));
    res[k]!.push(l.at);
  }
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const k of ['old', 'new']) console.log(k, 'median', med(res[k]!), res[k]!.map(Math.round).join(' '));
await browser.close();
