import { addedLines, breakingChanges, coordinateOf, undeclared } from '../helpers/breaking-changes';

// The breaking-change guard's judgement on small schemas: what breaks a client, what does not, and
// when a changelog line declares it.

const BEFORE = `
type Query {
  organization(id: ID!): Organization
  organizations(kind: Kind, first: Int): [Organization!]!
}
type Organization { id: ID! name: String! code: String kind: Kind! }
enum Kind { STREET TOWNSHIP DEPARTMENT }
input OrganizationInput { name: String! code: String }
type Mutation { createOrganization(input: OrganizationInput!): Organization! }
`;

const CHANGELOG = '# Changelog\n\n## Unreleased\n';
const declared = (after: string, lines: string[] = []) =>
  undeclared({ before: BEFORE, after }, { before: CHANGELOG, after: `${CHANGELOG}${lines.join('\n')}\n` });

describe('the breaking-change guard', () => {
  it('lets additions pass: a new field, type, optional argument or enum value breaks no client', () => {
    const after = BEFORE.replace('kind: Kind! }', 'kind: Kind! region: String }')
      .replace('first: Int)', 'first: Int, q: String)')
      .replace('DEPARTMENT }', 'DEPARTMENT OTHER }')
      .concat('type PublicPower { itemCode: String! }\n');
    expect(breakingChanges(BEFORE, after)).toEqual([]);
    expect(declared(after)).toEqual([]);
  });

  it('finds removals and narrowings, each with the coordinate a changelog line must name', () => {
    const after = BEFORE.replace(' code: String kind', ' kind')
      .replace('organizations(kind: Kind, first: Int)', 'organizations(kind: Kind!, first: Int)')
      .replace(' DEPARTMENT }', ' }')
      .replace('input OrganizationInput { name: String! code: String }', 'input OrganizationInput { name: String! code: String kind: Kind! }');
    expect(breakingChanges(BEFORE, after).map((c) => [c.type, c.coordinate]).sort()).toEqual([
      ['ARG_CHANGED_KIND', 'Query.organizations(kind:)'],
      ['FIELD_REMOVED', 'Organization.code'],
      ['REQUIRED_INPUT_FIELD_ADDED', 'OrganizationInput.kind'],
      ['VALUE_REMOVED_FROM_ENUM', 'Kind.DEPARTMENT'],
    ]);
  });

  it('fails on an undeclared breaking change and passes once an added changelog line names it', () => {
    const after = BEFORE.replace(' code: String kind', ' kind');
    expect(declared(after).map((c) => c.coordinate)).toEqual(['Organization.code']);
    expect(declared(after, ['- `Organization.code` was removed: read `Organization.shortName`.'])).toEqual([]);
  });

  it('counts only lines added in this change, and only a whole coordinate', () => {
    const after = BEFORE.replace(' code: String kind', ' kind');
    // Named in the changelog already (an older entry): not a declaration of this change.
    expect(undeclared({ before: BEFORE, after }, { before: `${CHANGELOG}- Organization.code\n`, after: `${CHANGELOG}- Organization.code\n- other\n` })).toHaveLength(1);
    // A longer name that starts with it does not declare it.
    expect(declared(after, ['- `Organization.codeScheme` renamed'])).toHaveLength(1);
  });

  it('reads the coordinate of each kind of graphql-js description', () => {
    expect(coordinateOf('Organization was removed.')).toBe('Organization');
    expect(coordinateOf('Query.organization was removed.')).toBe('Query.organization');
    expect(coordinateOf('Query.organization arg id has changed type from ID! to String!.')).toBe('Query.organization(id:)');
    expect(coordinateOf('Query.organization arg id was removed.')).toBe('Query.organization(id:)');
    expect(coordinateOf('A required arg region on Query.organizations was added.')).toBe('Query.organizations(region:)');
    expect(coordinateOf('A required field kind on input type OrganizationInput was added.')).toBe('OrganizationInput.kind');
    expect(coordinateOf('STREET was removed from enum type Kind.')).toBe('Kind.STREET');
    expect(coordinateOf('Standard scalar Float was removed because it is not referenced anymore.')).toBe('Float');
  });

  it('takes the changelog’s new lines, not the ones it had', () => {
    expect(addedLines('a\nb\n', 'a\nb\nc\n\n')).toEqual(['c']);
  });
});
