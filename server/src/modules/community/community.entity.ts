import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Exclusion, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { DatedEntity, registerDated, VersionRow } from '../../core/dated';
import { District } from '../district/district.entity';
import { Office } from '../office/office.entity';
import { declareScope } from '../../core/scope';

@ObjectType({
  description:
    'A community: runs the public service centre and divides its area into grids. Before the 2014 reform, communities belonged to sub-district offices.',
})
@Entity()
export class Community extends DatedEntity {
  @Field(() => ID)
  @Index()
  @Column()
  districtId!: number;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn()
  district?: District;

  @Field()
  @Column({ length: 200, default: '' })
  address!: string;

  @Field()
  @Column({ length: 20, default: '' })
  phone!: string;

  // Dated: from the version valid on the day read.
  @Field({ description: 'Unique among the communities valid on the same day, e.g. "C01".' }) code!: string;
  @Field() name!: string;
  @Field() nameEn!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The sub-district office the community belonged to on the day read (before the reform).',
  })
  officeId!: number | null;

  /** Lineage: the offices whose territory this community took over. */
  @ManyToMany(() => Office, { onDelete: 'CASCADE' })
  @JoinTable({ name: 'community_predecessor_office' })
  predecessorOffices?: Office[];

  /** Lineage: the communities whose territory this community took over. */
  @ManyToMany(() => Community, { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'community_predecessor_community',
    joinColumn: { name: 'community_id' },
    inverseJoinColumn: { name: 'predecessor_id' },
  })
  predecessorCommunities?: Community[];
}

/** A community's code, names and office over time. */
@Entity()
@Exclusion('community_version_one_at_a_time', 'USING gist ("community_id" WITH =, "valid" WITH &&)')
@Exclusion('community_version_code_unique', 'USING gist ("code" WITH =, "valid" WITH &&)')
@Exclusion('community_version_name_unique', 'USING gist ("name" WITH =, "valid" WITH &&)')
export class CommunityVersion extends VersionRow {
  @Index()
  @Column()
  communityId!: number;

  @ManyToOne(() => Community, { onDelete: 'CASCADE' })
  @JoinColumn()
  community?: Community;

  @Column({ length: 20 })
  code!: string;

  @Column({ length: 100 })
  name!: string;

  @Column({ length: 100 })
  nameEn!: string;

  @Index()
  @Column({ type: 'int', nullable: true })
  officeId!: number | null;

  @ManyToOne(() => Office, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn()
  office?: Office | null;
}

registerDated({ entity: Community, version: CommunityVersion, key: 'communityId' });

declareScope(Community, { kind: 'structure' });
