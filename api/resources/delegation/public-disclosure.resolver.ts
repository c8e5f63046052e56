import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { catalogStatus, delegationMode, delegationScope, organizationKind, postKind, powerCategory } from '../../../drizzle/schema';
import { enumDefinitions } from '../../../drizzle/schema/columns';
import type { Context } from '../../context';
import { graphqlEnum, LocalDate } from '../../crud/scalars';
import { today } from '../../dates';
import { appError } from '../../errors';
import { publicDisclosure } from './public-disclosure';

// The public disclosure (公示) as GraphQL: `publicPowers` answers without a sign-in or a token (the
// read guard lists it as open). Its types are its own, flat and without references to records, so
// nothing beyond what public-disclosure.ts chose can be selected through them.

const labelled = (pgEnum: { enumName: string }) => graphqlEnum(enumDefinitions.get(pgEnum.enumName)!);

/** Built when the delegation's resolvers are, so its types take their place in the schema beside them. */
export function publicDisclosureResolvers(): Function[] {
  @ObjectType('PublicOrganization', { description: '公示的街道或乡镇 (The street or township the disclosure is of).' })
  class PublicOrganizationType {
    @Field(() => String, { description: '机构代码 (Organization code).' })
    code!: string;
    @Field(() => String, { description: '名称 (Name).' })
    name!: string;
    @Field(() => labelled(organizationKind), { description: '机构类别 (Street or township).' })
    kind!: string;
    @Field(() => String, { nullable: true, description: '所属区域 (Region).' })
    region!: string | null;
  }

  @ObjectType('PublicPower', { description: '公示的赋权事项 (A power the street or township holds on the day).' })
  class PublicPowerType {
    @Field(() => String, { description: '事项编码 (Item code).' })
    itemCode!: string;
    @Field(() => String, { description: '事项名称 (Item name).' })
    itemName!: string;
    @Field(() => labelled(powerCategory), { description: '事项类型 (Category).' })
    category!: string;
    @Field(() => String, { description: '执法领域 (Enforcement domain).' })
    domain!: string;
    @Field(() => labelled(delegationMode), { description: '赋权方式 (Mode).' })
    mode!: string;
    @Field(() => labelled(delegationScope), { description: '划转范围 (All of the item or part of it).' })
    scope!: string;
    @Field(() => String, { nullable: true, description: '部分划转的内容 (What part, when only part).' })
    scopeNote!: string | null;
    @Field(() => String, { description: '赋权部门 (Delegating department).' })
    delegatingDepartment!: string;
    @Field(() => String, { description: '设定依据 (Legal basis).' })
    settingBasis!: string;
    @Field(() => String, { nullable: true, description: '实施依据 (Implementing rules).' })
    implementationBasis!: string | null;
    @Field(() => LocalDate, { description: '生效日期 (In force since).' })
    effectiveFrom!: string;
    @Field(() => LocalDate, { nullable: true, description: '终止日期 (In force until; absent: open-ended).' })
    effectiveTo!: string | null;
    @Field(() => String, { description: '所属目录 (The catalog edition that gave it).' })
    catalogTitle!: string;
    @Field(() => String, { nullable: true, description: '目录文号 (That edition’s document number).' })
    catalogDocumentNumber!: string | null;
  }

  @ObjectType('PublicCatalogEdition', { description: '公示的赋权目录版本 (A published or superseded catalog edition that gave the street powers).' })
  class PublicCatalogEditionType {
    @Field(() => String, { description: '目录名称 (Title).' })
    title!: string;
    @Field(() => String, { nullable: true, description: '文号 (Document number).' })
    documentNumber!: string | null;
    @Field(() => String, { description: '印发机关 (Issued by).' })
    issuer!: string;
    @Field(() => LocalDate, { nullable: true, description: '印发日期 (Issued on).' })
    issuedOn!: string | null;
    @Field(() => LocalDate, { description: '施行日期 (In force from).' })
    effectiveFrom!: string;
    @Field(() => labelled(catalogStatus), { description: '目录状态 (Published, or superseded by a later edition).' })
    status!: string;
  }

  @ObjectType('PublicOfficer', {
    description: '公示的持证执法人员 (A certified officer at an enforcement post, by what an officer shows when enforcing: 亮证执法).',
  })
  class PublicOfficerType {
    @Field(() => String, { description: '姓名 (Name).' })
    name!: string;
    @Field(() => labelled(postKind), { description: '岗位 (Post).' })
    post!: string;
    @Field(() => String, { description: '执法证号 (Certificate number).' })
    certificateNumber!: string;
    @Field(() => String, { description: '发证机关 (Issuing authority).' })
    issuingAuthority!: string;
    @Field(() => String, { nullable: true, description: '执法区域 (Area).' })
    area!: string | null;
    @Field(() => String, { nullable: true, description: '执法类别 (Categories).' })
    categories!: string | null;
    @Field(() => LocalDate, { nullable: true, description: '有效期至 (Valid until; absent: no expiry).' })
    validUntil!: string | null;
  }

  @ObjectType('PublicDisclosure', { description: '街道或乡镇的公示 (What the public may see of a street or township on a day).' })
  class PublicDisclosureType {
    @Field(() => PublicOrganizationType)
    organization!: PublicOrganizationType;
    @Field(() => LocalDate, { description: '公示所指的日期 (The day it answers for).' })
    date!: string;
    @Field(() => [PublicPowerType], { description: '当日有效的赋权事项 (Powers in force that day).' })
    powers!: PublicPowerType[];
    @Field(() => [PublicCatalogEditionType], { description: '赋予其事项的目录版本，按施行日期 (The editions that gave it powers, oldest first).' })
    catalogs!: PublicCatalogEditionType[];
    @Field(() => [PublicOfficerType], { description: '当日在执法岗位的持证人员 (Certified officers at its enforcement posts that day).' })
    officers!: PublicOfficerType[];
  }

  @Resolver()
  class PublicDisclosureResolver {
    @Query(() => PublicDisclosureType, {
      description:
        '公示：街道或乡镇某日的赋权事项、目录版本和持证执法人员，无需登录 (Public disclosure of a street or township on a day, answered without a sign-in or token). Today when no date is given.',
    })
    async publicPowers(
      @Arg('organizationCode', () => String, { description: '机构代码 (The street’s or township’s organization code).' }) organizationCode: string,
      @Arg('date', () => LocalDate, { nullable: true, description: 'The day, YYYY-MM-DD (default today).' }) date: string | null | undefined,
      @Ctx() ctx: Context,
    ): Promise<PublicDisclosureType> {
      const disclosure = await publicDisclosure(ctx.db, organizationCode, date ?? today());
      if (!disclosure) {
        throw appError(
          'NOT_FOUND',
          { zh: `没有机构代码为“${organizationCode}”的街道或乡镇`, en: `No street or township has the organization code “${organizationCode}”` },
          { organizationCode },
        );
      }
      return disclosure;
    }
  }
  return [PublicDisclosureResolver];
}
