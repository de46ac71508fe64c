import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@hub/config';
import { SystemMail } from '@hub/system-mail';
import { User } from '../accounts/user.entity';
import { AccountCreation } from './account-creation';
import { SignupRequest } from './signup-request.entity';
import { SignupTokens } from './signup-tokens';

/** How long a confirmation link works. */
export const SIGNUP_LINK_TTL_HOURS = 24;
/** Signup mails one address gets per hour, whoever asks (the per-address throttle counts the asker, this the inbox). */
const MAILS_PER_ADDRESS = { count: 3, perMs: 60 * 60_000 };

export interface PendingSignup {
  email: string;
  accountName: string;
  passwordHash: string;
}

/**
 * Email-confirmed signup (when the hub has a system mailer). Asking stores
 * nothing usable and mails the address: a one-time link for a new email, an
 * "you already have an account" note for a taken one, so the answer to the
 * asker is the same either way. Following the link creates the account.
 */
@Injectable()
export class SignupConfirmations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: SignupTokens,
    private readonly mail: SystemMail,
    private readonly creation: AccountCreation,
    private readonly config: AppConfig,
  ) {}

  /** Stores the request and its mail in one transaction: answered means the mail is in PostgreSQL. */
  async request(signup: PendingSignup): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const hubUrl = this.config.publicUrl;
      if (await tx.getRepository(User).existsBy({ email: signup.email })) {
        await this.mail.enqueue(tx, { to: signup.email, template: 'signup-existing', variables: { login_url: `${hubUrl}/login`, hub_url: hubUrl }, limit: MAILS_PER_ADDRESS });
        return;
      }
      const { token, hash } = this.tokens.issue();
      await tx.getRepository(SignupRequest).insert({
        email: signup.email,
        account_name: signup.accountName,
        password_hash: signup.passwordHash,
        token_hash: hash,
        expires_at: new Date(Date.now() + SIGNUP_LINK_TTL_HOURS * 3600_000),
      });
      // The token rides in the fragment: browsers never send it to a server, so no access log or Referer holds it.
      await this.mail.enqueue(tx, {
        to: signup.email,
        template: 'signup-confirm',
        variables: { confirm_url: `${hubUrl}/signup/confirm#token=${token}`, account_name: signup.accountName, expires_hours: SIGNUP_LINK_TTL_HOURS, hub_url: hubUrl },
        limit: MAILS_PER_ADDRESS,
      });
    });
  }

  /**
   * Uses the link: marks it used and creates the account with its first
   * user, in one transaction (two clicks at once: one account, the other
   * click is told the link was used). 404 for a token never issued, 422 for
   * one used, expired, or whose email got an account meanwhile.
   */
  async confirm(token: string): Promise<User> {
    const tokenHash = this.tokens.hash(token);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const [rows] = (await tx.query(
          `UPDATE signup_requests SET confirmed_at = now() WHERE token_hash = $1 AND confirmed_at IS NULL AND expires_at > now()
            RETURNING email, account_name, password_hash`,
          [tokenHash],
        )) as [Pick<SignupRequest, 'email' | 'account_name' | 'password_hash'>[], number];
        const request = rows[0];
        if (!request?.password_hash) throw await this.whyUnusable(tx, tokenHash);
        const user = await this.creation.create(tx, request.account_name, request.email, request.password_hash);
        if (!user) throw emailTaken();
        // The password lives on in users; this copy is not needed any more.
        await tx.query(`UPDATE signup_requests SET password_hash = NULL WHERE token_hash = $1`, [tokenHash]);
        return user;
      });
    } catch (error) {
      // A concurrent confirmation of another link for the same email won the unique index.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') throw emailTaken();
      throw error;
    }
  }

  private async whyUnusable(tx: EntityManager, tokenHash: string): Promise<Error> {
    const found = await tx.getRepository(SignupRequest).findOneBy({ token_hash: tokenHash });
    if (!found) {
      return new NotFoundException({ error: 'signup_link_unknown', message: 'This confirmation link is not valid. Check that you copied all of it, or sign up again.' });
    }
    if (found.confirmed_at) {
      return new UnprocessableEntityException({ error: 'signup_link_used', message: 'This confirmation link was already used: its account exists. Log in instead.' });
    }
    return new UnprocessableEntityException({ error: 'signup_link_expired', message: `This confirmation link expired (links work for ${SIGNUP_LINK_TTL_HOURS} hours). Sign up again to get a new one.` });
  }
}

function emailTaken(): Error {
  return new UnprocessableEntityException({ error: 'email_taken', message: 'This email address already has an account (created after this link was sent). Log in instead.' });
}
