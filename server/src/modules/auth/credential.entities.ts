import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity';
import { declareScope } from '../../core/scope';

/**
 * Sessions, API tokens and sign-in throttling live in PostgreSQL, so any
 * number of server instances behind a load balancer behave as one. Only
 * hashes of secrets are stored.
 */
@Entity()
export class Session {
  /** SHA-256 of the cookie's secret. */
  @PrimaryColumn({ length: 64 })
  tokenHash!: string;

  @Index()
  @Column()
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: Account;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'A token for scripts (Authorization: Bearer …), acting as the account that made it.' })
@Entity()
export class ApiToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' })
  id!: number;

  @Field(() => ID, { description: 'The account it acts as.' })
  @Index()
  @Column()
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: Account;

  @Field()
  @Column({ length: 100 })
  name!: string;

  /** SHA-256 of the token. */
  @Index({ unique: true })
  @Column({ length: 64 })
  tokenHash!: string;

  @Field({ description: 'The first characters of the token, to recognise it.' })
  @Column({ length: 16 })
  prefix!: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}

/** Failed sign-ins per username and per client address, for backoff. */
@Entity()
export class LoginThrottle {
  @PrimaryColumn({ length: 200 })
  key!: string;

  @Column({ default: 0 })
  failures!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * A browser that has signed in to an account before (the `cg_client` cookie,
 * stored hashed). Failed sign-ins by strangers do not hold it back: it is
 * throttled by its own failures only, so nobody can lock an owner out of
 * their account by guessing at it.
 */
@Entity()
export class KnownClient {
  /** SHA-256 of the cookie's secret. */
  @PrimaryColumn({ length: 64 })
  tokenHash!: string;

  @Index()
  @Column()
  accountId!: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn()
  account?: Account;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  lastUsedAt!: Date;
}

// Credentials are read by the authentication code alone (as the system), never through the API's lists.
declareScope(Session, { kind: 'district' });
declareScope(ApiToken, { kind: 'district' });
declareScope(LoginThrottle, { kind: 'district' });
declareScope(KnownClient, { kind: 'district' });
