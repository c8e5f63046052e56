import { ok } from '../helpers/operations';
import { withWorld, type World } from '../helpers/fixtures';
import { onlyError, fieldErrors, refused } from '../helpers/expect-errors';

// The liaison directory and guidance assignments stay truthful: the right kinds of organization at
// each end, reachable phone numbers, a lead contact from the guiding department.
const { server, world } = withWorld();
let dir: Awaited<ReturnType<World['directory']>>;

beforeAll(async () => {
  dir = await world.directory();
});


const contact = (extra: Record<string, unknown>) => ({
  organizationId: world.township,
  counterpartId: world.department,
  personName: '李联络',
  role: 'LIAISON',
  activeFrom: '2024-01-01',
  ...extra,
});

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['19912345678', '19912345678'],
  ])('accepts the mobile %s, stored as %s', async (mobile, stored) => {
    const c = await ok(server, 'createLiaisonContact', contact({ mobile }), 'mobile');
    expect(c.mobile).toBe(stored);
  });

  it.each(['0377-65221234', '037765221234', '010-12345678-801', '13912345678'])('accepts the office phone %s', async (officePhone) => {
    await ok(server, 'createLiaisonContact', contact({ officePhone }));
  });

  it.each(['12345678901', '1381234567', '0377-123', '电话', '138123456789'])('refuses the mobile %s', async (mobile) => {
    expect(fieldErrors(await refused(server, 'createLiaisonContact', contact({ mobile })))).toEqual({ mobile: 'phone' });
  });

  it('refuses a malformed office phone and a contact with no number at all', async () => {
    expect(fieldErrors(await refused(server, 'createLiaisonContact', contact({ officePhone: '65221234' })))).toEqual({ officePhone: 'phone' });
    expect(fieldErrors(await refused(server, 'createLiaisonContact', contact({})))).toEqual({ mobile: 'required' });
    expect(fieldErrors(await refused(server, 'updateLiaisonContact', { id: dir.liaison, mobile: null }))).toEqual({ mobile: 'required' });
  });
});

describe('the two ends of a directory entry', () => {
  it('refuses two local or two county-level ends, and a missing counterpart', async () => {
    for (const [organizationId, counterpartId] of [
      [world.street, world.township],
      [world.department, world.vertical],
      [world.government, world.street],
    ]) {
      const res = await refused(server, 'createLiaisonContact', contact({ organizationId, counterpartId, mobile: '13800000000' }));
      expect(fieldErrors(res)).toEqual({ counterpartId: 'kind' });
    }
    expect(fieldErrors(await refused(server, 'createLiaisonContact', contact({ counterpartId: '999999', mobile: '13800000000' })))).toEqual({
      counterpartId: 'reference',
    });
  });

  it('refuses an end date before the start', async () => {
    expect(fieldErrors(await refused(server, 'updateLiaisonContact', { id: dir.liaison, activeTo: '2021-01-01' }))).toEqual({ activeTo: 'range' });
  });
});

describe('guidance assignments', () => {
  it('refuses a guiding street, a guided department, and the same pair twice', async () => {
    const res = await refused(server, 'createGuidanceAssignment', { departmentId: world.street, townshipId: world.department });
    expect(fieldErrors(res)).toEqual({ departmentId: 'kind', townshipId: 'kind' });
    expect(fieldErrors(await refused(server, 'createGuidanceAssignment', { departmentId: world.department, townshipId: world.street }))).toEqual({
      townshipId: 'unique',
    });
  });

  it('refuses a lead contact who does not work at the guiding department', async () => {
    const res = await refused(server, 'updateGuidanceAssignment', { id: dir.guidance, leadContactId: dir.liaison });
    expect(fieldErrors(res)).toEqual({ leadContactId: 'organization' });
  });

  it('keeps a lead contact that an assignment still names, and an organization kind it depends on', async () => {
    expect(onlyError(await refused(server, 'deleteLiaisonContact', { id: dir.lead })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFERENCED' });
    expect(fieldErrors(await refused(server, 'updateOrganization', { id: world.department, kind: 'STREET' }))).toEqual({ kind: 'inUse' });
  });

  it('reads the assignment with its people', async () => {
    const g = await ok(server, 'GuidanceAssignment', { id: dir.guidance }, 'department { id } township { id } leadContact { personName officePhone }');
    expect(g).toEqual({ department: { id: world.department }, township: { id: world.street }, leadContact: { personName: '测试负责人', officePhone: '0377-65221234' } });
  });
});
