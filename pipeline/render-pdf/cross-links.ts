/** What a part of a pack links to that another part defines, and what of its own others link to. */
export interface CrossLinks {
  /** anchors it links to and does not define: it prints a stand-in for each (a destination the assembly drops) */
  borrowed: ReadonlySet<string>;
  /** anchors it defines that other parts link to: it links to each where no one sees, so that Chromium names a destination for it */
  exported: ReadonlySet<string>;
}

/** The anchors a document of ours defines (id="…") and links to (href="#…"): its templates write both in that one form, with text escaped. */
export function anchorsOf(html: string): { ids: Set<string>; links: Set<string> } {
  return {
    ids: new Set([...html.matchAll(/\sid="([^"<>]+)"/g)].map((m) => m[1]!)),
    links: new Set([...html.matchAll(/\shref="#([^"<>]+)"/g)].map((m) => m[1]!)),
  };
}

/**
 * Each part's cross links, from the HTML of every part: Chromium names a destination only for an
 * element something in the same document links to, and makes no link to an element it does not
 * have. So a part links, unseen, to what other parts link to in it, and stands in for what it
 * links to in them; the assembled pack keeps the real destinations. `definedOnly`: stand in only
 * for what another part defines (the staff report, whose rows cite lines no listing may show).
 */
export function crossLinks(parts: readonly string[], options: { definedOnly?: boolean } = {}): CrossLinks[] {
  const anchors = parts.map(anchorsOf);
  // with definedOnly, a link to what no part defines gets no stand-in: it stays no link, as in one print
  const defined = options.definedOnly ? new Set(anchors.flatMap((a) => [...a.ids])) : null;
  return anchors.map((own, i) => {
    const wanted = new Set(anchors.flatMap((other, j) => (j === i ? [] : [...other.links].filter((a) => !other.ids.has(a)))));
    return { borrowed: new Set([...own.links].filter((a) => !own.ids.has(a) && (!defined || defined.has(a)))), exported: new Set([...own.ids].filter((a) => wanted.has(a))) };
  });
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The document with its stand-ins (empty, placed nowhere) and its unseen links (hidden: no annotation, no tag), before </body>. */
export function withCrossLinks(html: string, links: CrossLinks): string {
  if (links.borrowed.size === 0 && links.exported.size === 0) return html;
  const standIns = [...links.borrowed].sort().map((a) => `<span id="${attribute(a)}"></span>`).join('');
  const sources = [...links.exported].sort().map((a) => `<a href="#${attribute(a)}"></a>`).join('');
  const block = `<div class="part-links" aria-hidden="true">${standIns}<nav hidden>${sources}</nav></div>\n`;
  const end = html.lastIndexOf('</body>');
  if (end < 0) throw new Error('the part has no </body>');
  return html.slice(0, end) + block + html.slice(end);
}
