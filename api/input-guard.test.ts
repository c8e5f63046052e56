import { parse } from 'graphql';
import { controlCharacterProblems } from './input-guard';

// The arguments worth reading are found once per document; each request's variables are still read.
describe('control characters in arguments', () => {
  const fields = (document: ReturnType<typeof parse>, variables: Record<string, unknown> = {}) =>
    controlCharacterProblems(document, variables).map((p) => p.field);

  it('finds them in texts written in the document, at any depth, in the order written', () => {
    const document = parse('{ a: allOrganizations(filter: { q: "坏\\u0000值", ids: ["1", "x\\u0007"] }) { id } b: Organization(id: "\\u001b") { id } }');
    expect(fields(document)).toEqual(['filter.q', 'filter.ids[1]', 'id']);
    expect(fields(document)).toEqual(['filter.q', 'filter.ids[1]', 'id']);
  });

  it('reads the variables of each request of a kept document', () => {
    const document = parse('query($q: String, $f: OrganizationFilter) { allOrganizations(filter: { q: $q }) { id } other: allOrganizations(filter: $f, sortField: "name") { id } }');
    expect(fields(document, { q: '正常' })).toEqual([]);
    expect(fields(document, { q: '坏\u0000值' })).toEqual(['filter.q']);
    expect(fields(document, { f: { name: 'x\u0008' } })).toEqual(['filter.name']);
    expect(fields(document, { q: 'ok', f: { code: 'ok' } })).toEqual([]);
  });

  it('reads a variable’s default where the request does not send the variable', () => {
    const document = parse('query($q: String = "坏\\u0000值") { allOrganizations(filter: { q: $q }) { id } }');
    expect(fields(document)).toEqual(['filter.q']);
    expect(fields(document, { q: '正常' })).toEqual([]);
  });

  it('leaves tabs and line breaks alone', () => {
    expect(fields(parse('{ allOrganizations(filter: { q: "a\\tb\\nc" }) { id } }'))).toEqual([]);
  });
});
