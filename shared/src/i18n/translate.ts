/** Tiny message formatter: `{name}` placeholders, values escaped by the renderer, not here. */
export type Catalog<K extends string = string> = Readonly<Record<K, string>>;

export function format(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Returns `t(key, params)` bound to one catalog. */
export function translator<K extends string>(catalog: Catalog<K>) {
  return (key: K, params?: Readonly<Record<string, string | number>>): string => format(catalog[key], params);
}
