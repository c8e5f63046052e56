import { buildSchema, findBreakingChanges } from 'graphql';

// The guard clients rely on: a change to schema.graphql that would break a query written against
// the previous version (a field or type removed, an argument made required, a type narrowed) is
// refused unless CHANGELOG.md declares it. graphql-js finds the breaking changes; a change is
// declared when a line added to the changelog names its schema coordinate (`Type.field`,
// `Type.field(arg:)`, `Enum.VALUE`, or the type).

export interface BreakingChange {
  /** graphql-js's kind of change: FIELD_REMOVED, ARG_CHANGED_KIND, … */
  type: string;
  description: string;
  /** What a changelog line must name to declare it. */
  coordinate: string;
}

/** The schema coordinate a breaking change is about, read from graphql-js's description of it. */
export function coordinateOf(description: string): string {
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^A required (?:field|arg) (\w+) on (?:input type )?([\w.]+) was added\.$/, (m) => (m[2].includes('.') ? `${m[2]}(${m[1]}:)` : `${m[2]}.${m[1]}`)],
    [/^(\w+) was removed from enum type (\w+)\.$/, (m) => `${m[2]}.${m[1]}`],
    [/^(\w+) was removed from union type (\w+)\.$/, (m) => m[2]],
    [/^([\w.]+) arg (\w+) /, (m) => `${m[1]}(${m[2]}:)`],
    [/^(?:Standard scalar )?([\w.@]+) /, (m) => m[1]],
  ];
  for (const [re, coordinate] of patterns) {
    const m = re.exec(description);
    if (m) return coordinate(m);
  }
  return description;
}

/** The breaking changes from one schema text to the next. */
export function breakingChanges(before: string, after: string): BreakingChange[] {
  return findBreakingChanges(buildSchema(before), buildSchema(after)).map((c) => ({
    type: c.type,
    description: c.description,
    coordinate: coordinateOf(c.description),
  }));
}

/** Lines of the changelog now that were not in it before: what this change declares. */
export function addedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((line) => line.trim() && !old.has(line));
}

/** Does a line name the coordinate as a whole (`Query.x` is not declared by a line naming `Query.xs`)? */
function names(line: string, coordinate: string): boolean {
  const escaped = coordinate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.])${escaped}(?![\\w(])`).test(line);
}

/** The breaking changes from schema `before` to `after` that no added changelog line declares. */
export function undeclared(schema: { before: string; after: string }, changelog: { before: string; after: string }): BreakingChange[] {
  const added = addedLines(changelog.before, changelog.after);
  return breakingChanges(schema.before, schema.after).filter((c) => !added.some((line) => names(line, c.coordinate)));
}
