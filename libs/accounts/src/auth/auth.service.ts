import { ForbiddenException, Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { AppConfig } from '@hub/config';
import { SystemMail } from '@hub/system-mail';
import { Account } from '../accounts/account.entity';
import { User } from '../accounts/user.entity';
import { AccountCreation } from '../signup/account-creation';
import { SignupConfirmations } from '../signup/signup-confirmations';
import { AuthContext } from './auth-context';
import { LoginDto } from './dto/login.dto';
import { MeDto, SessionDto, SignupAcceptedDto } from './dto/session.dto';
import { SignupDto } from './dto/signup.dto';
import { PasswordHasher } from './password-hasher';

const BAD_CREDENTIALS = 'Invalid email or password';

/** The one answer to every signup when the hub mails confirmations, whether or not the email has an account. */
export const CONFIRMATION_SENT: SignupAcceptedDto = {
  status: 'confirmation_sent',
  message: 'Check your email: we sent a message to that address with what to do next. It may take a minute to arrive.',
};
/** Without a mailer: the answer when the email is taken (no session), worded so it does not say why. */
export const NOT_CREATED: SignupAcceptedDto = {
  status: 'not_created',
  message: 'No new account was created. If this email address already has an account, log in with it.',
};

@Injectable()
export class AuthService {
  private readonly logger = new Logger('AuthService');
  // Verifying against a real hash for unknown emails keeps both failures equally slow.
  private decoyHash?: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly creation: AccountCreation,
    private readonly confirmations: SignupConfirmations,
    private readonly systemMail: SystemMail,
  ) {}

  /** Whether signup mails a confirmation link (SYSTEM_SMTP_URL set) instead of signing in at once. */
  get signupConfirmsByEmail(): boolean {
    return this.systemMail.configured;
  }

  /**
   * With a system mailer: CONFIRMATION_SENT, always; the mail says the rest.
   * Without one: a session for a new account, or NOT_CREATED when the email
   * is taken. Every path hashes the password first, so they take the same time.
   */
  async signup(dto: SignupDto): Promise<SessionDto | SignupAcceptedDto> {
    if (!this.config.signupEnabled) throw new ForbiddenException('Signup is disabled on this hub (SIGNUP_ENABLED=false)');
    const passwordHash = await this.hasher.hash(dto.password);
    if (this.signupConfirmsByEmail) {
      await this.confirmations.request({ email: dto.email, accountName: dto.account_name, passwordHash });
      return CONFIRMATION_SENT;
    }
    const user = await this.createAccountWithUser(dto.account_name, dto.email, passwordHash);
    return user ? this.session(user) : NOT_CREATED;
  }

  /** Follows a confirmation link: the new account's session. */
  async confirmSignup(token: string): Promise<SessionDto> {
    if (!this.config.signupEnabled) throw new ForbiddenException('Signup is disabled on this hub (SIGNUP_ENABLED=false)');
    return this.session(await this.confirmations.confirm(token));
  }

  async login(dto: LoginDto): Promise<SessionDto> {
    const user = await this.users.findOneBy({ email: dto.email });
    if (!user) {
      this.decoyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
      await this.hasher.verify(await this.decoyHash, dto.password);
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    if (!(await this.hasher.verify(user.password_hash, dto.password))) throw new UnauthorizedException(BAD_CREDENTIALS);
    return this.session(user);
  }

  async me(auth: AuthContext): Promise<MeDto> {
    const account = await this.accounts.findOneBy({ id: auth.accountId });
    if (!account) throw new NotFoundException('Account not found');
    const user = auth.userId ? await this.users.findOneBy({ id: auth.userId, account_id: auth.accountId }) : null;
    return {
      user: user ? { id: user.id, email: user.email } : null,
      account: { id: account.id, name: account.name },
      via: auth.apiKeyId ? 'api_key' : 'user',
    };
  }

  /**
   * First start: with ADMIN_EMAIL/ADMIN_PASSWORD, seed that admin; without them,
   * create a dev admin and print its password once.
   */
  async seedFirstAdmin(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const email = this.config.adminEmail ?? 'admin@localhost.dev';
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    // null: another process seeded it first.
    if (!(await this.createAccountWithUser('Default account', email, await this.hasher.hash(password)))) return;
    if (!this.config.adminPassword) {
      // Printed once on purpose: it is the only way to learn the generated dev password.
      process.stdout.write(`\nWebhook Hub: created admin ${email} with password ${password} (set ADMIN_EMAIL/ADMIN_PASSWORD to choose)\n\n`);
    } else {
      this.logger.log(`Seeded admin ${email}`);
    }
  }

  /** The new user, or null when the email is taken (also when a concurrent signup took it first). */
  private async createAccountWithUser(accountName: string, email: string, passwordHash: string): Promise<User | null> {
    return this.dataSource.transaction((tx) => this.creation.create(tx, accountName, email, passwordHash)).catch((error: unknown) => {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') return null;
      throw error;
    });
  }

  private async session(user: User): Promise<SessionDto> {
    const access_token = await this.jwt.signAsync({ sub: user.id, acc: user.account_id });
    return { access_token, account_id: user.account_id };
  }
}
