import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { User } from '../accounts/user.entity';

/** Creates an account with its first user: signup (direct or confirmed) and the first admin. */
@Injectable()
export class AccountCreation {
  /** The new user, or null when the email is taken (a concurrent insert surfaces as a unique violation, 23505). */
  async create(tx: EntityManager, accountName: string, email: string, passwordHash: string): Promise<User | null> {
    if (await tx.getRepository(User).existsBy({ email })) return null;
    const account = await tx.getRepository(Account).save({ name: accountName });
    return tx.getRepository(User).save({ account_id: account.id, email, password_hash: passwordHash });
  }
}
