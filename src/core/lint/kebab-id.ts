/**
 * A kebab-case id made from a file name, for the rename `invalid-id` suggests: accents dropped,
 * camelCase split, anything else between letters and digits turned into single hyphens
 * ("buyerBob" → "buyer-bob", "café" → "cafe"). Undefined when nothing usable is left.
 */
export function kebabId(name: string): string | undefined {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || undefined;
}
