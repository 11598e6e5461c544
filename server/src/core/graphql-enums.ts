import { registerEnumType } from 'type-graphql';
import { Gender, RegistrationType, RelationToHead, ResidentTag, ServiceWindowKind } from '@community-grid/shared';

// The shared enums, made known to the schema once.
registerEnumType(Gender, { name: 'Gender' });
registerEnumType(RegistrationType, { name: 'RegistrationType', description: 'Whether the household is registered here or floating.' });
registerEnumType(RelationToHead, { name: 'RelationToHead' });
registerEnumType(ResidentTag, { name: 'ResidentTag', description: 'Circumstances that call for particular care.' });
registerEnumType(ServiceWindowKind, { name: 'ServiceWindowKind' });

export { Gender, RegistrationType, RelationToHead, ResidentTag, ServiceWindowKind };
