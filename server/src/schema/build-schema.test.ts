import 'reflect-metadata';
import { GraphQLSchema, isObjectType } from 'graphql';
import { buildApiSchema } from './build-schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildApiSchema();
});

const objectFields = () =>
  Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type: type.name, field })));

it('a field with a permission of its own keeps the resolver that checks it', () => {
  const guarded = objectFields().filter(({ field }) => field.extensions?.permission !== undefined);
  expect(guarded.length).toBeGreaterThan(20);
  expect(guarded.filter(({ field }) => !field.resolve).map(({ type, field }) => `${type}.${field.name}`)).toEqual([]);
  // Personal data read through a permission: a resident's ID number and phone.
  const resident = schema.getType('Resident');
  if (!isObjectType(resident)) throw new Error('Resident is not an object type');
  expect(resident.getFields().idNumber.resolve).toBeDefined();
  expect(resident.getFields().phone.resolve).toBeDefined();
});

it('plain property fields are read by the default resolver, fields with a resolver method keep it', () => {
  const resident = schema.getType('Resident');
  const household = schema.getType('Household');
  if (!isObjectType(resident) || !isObjectType(household)) throw new Error('not object types');
  expect(resident.getFields().name.resolve).toBeUndefined();
  expect(resident.getFields().tags.resolve).toBeUndefined();
  // Resolved from other rows (loaders): TypeGraphQL's resolver stays.
  expect(resident.getFields().household.resolve).toBeDefined();
  expect(household.getFields().residents.resolve).toBeDefined();
  expect(objectFields().filter(({ field }) => !field.resolve).length).toBeGreaterThan(300);
});
