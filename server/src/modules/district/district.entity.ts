import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../core/base.entity';
import { declareScope } from '../../core/scope';

@ObjectType({ description: 'A city district: the top of the structure.' })
@Entity()
export class District extends BaseEntity {
  @Field({ description: 'Name in Chinese.' })
  @Column({ length: 100 })
  name!: string;

  @Field({ description: 'English rendering of the name.' })
  @Column({ length: 100 })
  nameEn!: string;

  @Field({ description: 'Administrative division code.' })
  @Index({ unique: true })
  @Column({ length: 12 })
  code!: string;

  @Field()
  @Column({ length: 100 })
  city!: string;
}

declareScope(District, { kind: 'structure' });
