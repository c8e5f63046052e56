// "Same data" means equal as JSON values: key order and whitespace do not matter, everything
// else does. A mismatch is reported as the paths that differ, with both values.

export function differences(a: unknown, b: unknown, path = '$', out: string[] = [], limit = 12): string[] {
  if (out.length >= limit) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}: ${a.length} items vs ${b.length} items`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${path}[${i}]`, out, limit);
    return out;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const av = (a as Record<string, unknown>)[k];
      const bv = (b as Record<string, unknown>)[k];
      if (!(k in a) || !(k in b)) out.push(`${path}.${k}: ${k in a ? JSON.stringify(av) : '(missing)'} vs ${k in b ? JSON.stringify(bv) : '(missing)'}`);
      else differences(av, bv, `${path}.${k}`, out, limit);
      if (out.length >= limit) break;
    }
    return out;
  }
  if (a !== b) out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  return out;
}
