import type { ConsoleMessage, Page } from 'puppeteer-core';
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

/** An asset's body as the protocol carries it, encoded once a process: the fonts are 5 MB each, served to every tab. */
const encoded = new WeakMap<Uint8Array, string>();
function base64Of(asset: Asset): string {
  let text = encoded.get(asset.body);
  if (text === undefined) encoded.set(asset.body, (text = Buffer.from(asset.body.buffer, asset.body.byteOffset, asset.body.byteLength).toString('base64')));
  return text;
}

interface RequestPaused {
  requestId: string;
  request: { url: string; method: string };
}

/**
 * Makes a page safe for untrusted HTML: no JavaScript; every request paused (CDP Fetch) and either
 * answered from `assets` or failed; each refusal handed to `onBlocked`. Answered through the
 * protocol itself with the asset's base64 made once, not puppeteer's request interception, which
 * encodes a 5 MB font again for every tab (a second of a rebuild's time).
 */
export async function guardPage(page: Page, assets: ReadonlyMap<string, Asset>, onBlocked: (blocked: BlockedRequest) => void): Promise<void> {
  await page.setJavaScriptEnabled(false);
  const cdp = await page.createCDPSession();
  cdp.on('Fetch.requestPaused', (event: RequestPaused) => {
    const { requestId, request } = event;
    const decision = decideRequest(request.url, request.method, assets);
    const reply =
      'serve' in decision
        ? cdp.send('Fetch.fulfillRequest', {
            requestId,
            responseCode: 200,
            // the fonts (5 MB each) stay in the renderer's memory cache between the prints of one tab
            responseHeaders: [
              { name: 'Content-Type', value: decision.serve.contentType },
              { name: 'Access-Control-Allow-Origin', value: '*' },
              { name: 'Cache-Control', value: 'public, max-age=31536000, immutable' },
            ],
            body: base64Of(decision.serve),
          })
        : (onBlocked({ url: shorten(request.url), reason: decision.block }), cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }));
    // the page may be gone (a timeout closed it): nothing left to answer
    reply.catch(() => undefined);
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
  page.on('console', (message: ConsoleMessage) => {
    const refused = refusedLoad(message.text());
    if (refused) onBlocked(refused);
  });
}

function shorten(url: string): string {
  return url.length > MAX_URL ? `${url.slice(0, MAX_URL)}…` : url;
}
