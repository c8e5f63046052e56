import type { ResourceDefinition } from '../crud/resource';
import { delegationCatalogResource } from './delegation-catalog/delegation-catalog.resource';
import { delegationResource } from './delegation/delegation.resource';
import { enforcementDomainResource } from './enforcement-domain/enforcement-domain.resource';
import { organizationResource } from './organization/organization.resource';
import { powerItemResource } from './power-item/power-item.resource';

/** Every resource of the API. Adding one here gives it the whole grammar and an admin screen. */
export const resourceDefinitions: ResourceDefinition[] = [
  organizationResource,
  enforcementDomainResource,
  powerItemResource,
  delegationCatalogResource,
  delegationResource,
];
