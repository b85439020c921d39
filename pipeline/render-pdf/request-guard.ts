import type { ConsoleMessage, HTTPRequest, Page } from 'puppeteer-core';
import { ASSET_ORIGIN, type Asset } from './assets.ts';

/** A load the page attempted and did not get. */
export interface BlockedRequest {
  url: string;
  reason: string;
}

export type RequestDecision = { serve: Asset } | { block: string };

const MAX_URL = 160;

/**
 * Pure: a request is served only when it is a GET for one of the renderer's own assets on the
 * fixed origin; everything else — other hosts, file:, data:, unknown paths — is refused.
 */
export function decideRequest(url: string, method: string, assets: ReadonlyMap<string, Asset>, origin = ASSET_ORIGIN): RequestDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { block: 'not a URL' };
  }
  if (parsed.origin !== origin) return { block: `${parsed.protocol === 'https:' || parsed.protocol === 'http:' ? 'another host' : `${parsed.protocol} URL`}` };
  if (method !== 'GET') return { block: `${method} request` };
  const asset = parsed.search === '' ? assets.get(parsed.pathname) : undefined;
  return asset ? { serve: asset } : { block: 'not an asset of the renderer' };
}

/**
 * Console messages in which Chromium reports a load it refused itself, before interception
 * sees it: file: from a page that is not file:, and Content-Security-Policy violations.
 */
export function refusedLoad(text: string): BlockedRequest | null {
  const local = /Not allowed to load local resource: (\S+)/.exec(text);
  if (local) return { url: shorten(local[1]!), reason: 'refused by Chromium (local resource)' };
  const csp = /'([^']+)' violates the following Content Security Policy/.exec(text);
  if (csp) return { url: shorten(csp[1]!), reason: 'refused by the Content-Security-Policy' };
  return null;
}

/**
 * Makes a page safe for untrusted HTML: no JavaScript; every request intercepted and either
 * answered from `assets` or aborted; each refusal handed to `onBlocked`.
 */
export async function guardPage(page: Page, assets: ReadonlyMap<string, Asset>, onBlocked: (blocked: BlockedRequest) => void): Promise<void> {
  await page.setJavaScriptEnabled(false);
  // the fonts (5 MB each) stay in the renderer's memory cache between the packs of one page
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const decision = decideRequest(request.url(), request.method(), assets);
    const reply =
      'serve' in decision
        ? request.respond({
            status: 200,
            contentType: decision.serve.contentType,
            headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=31536000, immutable' },
            body: Buffer.from(decision.serve.body.buffer, decision.serve.body.byteOffset, decision.serve.body.byteLength),
          })
        : (onBlocked({ url: shorten(request.url()), reason: decision.block }), request.abort('blockedbyclient'));
    // the page may be gone (a timeout closed it): nothing left to answer
    reply.catch(() => undefined);
  });
  page.on('console', (message: ConsoleMessage) => {
    const refused = refusedLoad(message.text());
    if (refused) onBlocked(refused);
  });
}

function shorten(url: string): string {
  return url.length > MAX_URL ? `${url.slice(0, MAX_URL)}…` : url;
}
