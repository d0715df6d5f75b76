/**
 * The API reference as one self-contained HTML page (no script, no CDN), rendered from the same
 * OpenAPI document that `/api/v1/openapi.json` serves: operations by tag, their parameters, bodies
 * and answers as JSON Schema.
 */
const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

type Json = Record<string, unknown>;

const block = (value: unknown) => `<pre>${esc(JSON.stringify(value, null, 2))}</pre>`;

function operationHtml(method: string, path: string, op: Json): string {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const body = (op.requestBody as Json | undefined)?.content as Json | undefined;
  const responses = (op.responses as Record<string, Json>) ?? {};
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${esc(String(p.name))}</code></td><td>${esc(String(p.in))}</td><td>${
          p.required ? 'yes' : 'no'
        }</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`,
    )
    .join('');
  const answers = Object.entries(responses)
    .map(([status, r]) => `<li><strong>${esc(status)}</strong> ${esc(String(r.description ?? ''))}</li>`)
    .join('');
  const ok = Object.entries(responses).find(([status]) => status.startsWith('2'))?.[1];
  const okSchema = ((ok?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
  return `<section class="op" id="${esc(String(op.operationId))}">
<h3><span class="m m-${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p>${esc(String(op.summary ?? ''))}${op.description ? ` ${esc(String(op.description))}` : ''}</p>
${rows ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Schema</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
${body ? `<details><summary>Request body</summary>${block((body['application/json'] as Json).schema)}</details>` : ''}
${okSchema ? `<details><summary>Response body</summary>${block(okSchema)}</details>` : ''}
<ul class="answers">${answers}</ul>
</section>`;
}

export function referencePage(doc: Json, base: string): string {
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(paths))
    for (const [method, op] of Object.entries(methods)) {
      const tag = String((op.tags as string[] | undefined)?.[0] ?? 'Other');
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, `${base}${path}`, op)]);
    }
  const sections = [...byTag]
    .map(([tag, ops]) => `<h2 id="tag-${esc(tag)}">${esc(tag)}</h2>${ops.join('\n')}`)
    .join('\n');
  const nav = [...byTag.keys()].map((tag) => `<a href="#tag-${esc(tag)}">${esc(tag)}</a>`).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(String(info.title))} reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f4f4f5;padding:.75rem;overflow:auto;border-radius:6px}
.op{border:1px solid #d4d4d8;border-radius:8px;padding:.25rem 1rem;margin:1rem 0}
.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;font-size:13px;padding:0 .4rem}
.m-get{background:#1d4ed8}.m-post{background:#15803d}.m-put{background:#a16207}.m-patch{background:#7e22ce}.m-delete{background:#b91c1c}
table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}td,th{border-bottom:1px solid #e4e4e7;padding:.25rem .5rem;text-align:left;vertical-align:top}
</style></head><body>
<header><h1>${esc(String(info.title))} ${esc(String(info.version))}</h1>
<p>${esc(String(info.description ?? ''))}</p>
<p>Machine-readable: <a href="${esc(base)}/openapi.json">openapi.json</a> (OpenAPI 3.1)</p>
<nav aria-label="Sections">${nav}</nav></header>
<main>${sections}</main>
</body></html>`;
}
