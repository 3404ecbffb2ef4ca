type Attrs = Record<string, unknown>;

/**
 * An attribute's value as ElectroDB returns it (its schema.js getters): a map with declared properties holds only
 * those, in the order the model declares them, each read from its stored `field`; a list's items are shaped as its
 * `items`; a top-level map left empty, optional and without a default is absent. DynamoDB returns a map's keys in
 * its own order, so without this the lite path's items equal ElectroDB's but serialise differently (issue 14: the
 * candidate pool read from the consent index compares as JSON).
 */
export function shapeAttribute(attribute: Attrs | undefined, value: unknown, root = true): unknown {
  if (!attribute || value === undefined || value === null) return value;
  if (attribute.type === "list" && Array.isArray(value)) {
    const items = attribute.items as Attrs | undefined;
    return value.map((item) => shapeAttribute(items, item, false)).filter((item) => item !== undefined);
  }
  if (attribute.type === "map" && typeof value === "object" && !Array.isArray(value)) {
    const properties = (attribute.properties ?? {}) as Record<string, Attrs>;
    const stored = value as Attrs;
    const data: Attrs = {};
    for (const [name, property] of Object.entries(properties)) {
      const field = (property.field as string | undefined) ?? name;
      if (stored[field] === undefined) continue;
      const shaped = shapeAttribute(property, stored[field], false);
      if (shaped !== undefined) data[name] = shaped;
    }
    const empty = Object.keys(data).length === 0;
    if (empty && root && !attribute.required && attribute.default === undefined) return undefined;
    return data;
  }
  return value;
}
