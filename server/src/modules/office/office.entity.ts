import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DatedEntity, registerDated, VersionRow } from '../../core/dated';
import { District } from '../district/district.entity';
import { declareScope } from '../../core/scope';

@ObjectType({
  description:
    'A sub-district office; the reform withdrew them and gave their territory to new communities. Its validity ends on the day before it was withdrawn.',
})
@Entity()
export class Office extends DatedEntity {
  @Field(() => ID)
  @Index()
  @Column()
  districtId!: number;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn()
  district?: District;

  // Dated: from the version valid on the day read.
  @Field() name!: string;
  @Field() nameEn!: string;
}

/** An office's names over time. */
@Entity()
@Exclusion('office_version_one_at_a_time', 'USING gist ("office_id" WITH =, "valid" WITH &&)')
@Exclusion('office_version_name_unique', 'USING gist ("name" WITH =, "valid" WITH &&)')
export class OfficeVersion extends VersionRow {
  @Index()
  @Column()
  officeId!: number;

  @ManyToOne(() => Office, { onDelete: 'CASCADE' })
  @JoinColumn()
  office?: Office;

  @Column({ length: 100 })
  name!: string;

  @Column({ length: 100 })
  nameEn!: string;
}

registerDated({ entity: Office, version: OfficeVersion, key: 'officeId' });

declareScope(Office, { kind: 'structure' });
