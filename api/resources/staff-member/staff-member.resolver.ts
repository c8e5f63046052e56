import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { crudResolverOf, serviceOf, typesOf } from '../../registry';
import { MAX_PER_PAGE } from '../../crud/list-metadata';

const { ObjectType: StaffMember } = typesOf('StaffMember');

@Resolver(() => StaffMember)
export class StaffMemberResolver extends crudResolverOf('StaffMember') {
  @Query(() => [StaffMember], {
    description:
      '无证在执法岗 (Staff on an enforcement post without a valid certificate today), e.g. after their last certificate was suspended, revoked or expired. Same as allStaffMembers(filter: {certificateAlert: true}).',
  })
  async staffWithoutValidCertificate(@Ctx() ctx: Context) {
    return serviceOf('StaffMember').list(ctx.db, { filter: { certificateAlert: true }, perPage: MAX_PER_PAGE });
  }
}
