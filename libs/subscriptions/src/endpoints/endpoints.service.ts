import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, DeepPartial, Repository } from 'typeorm';
import { AccountScope, SecretBox } from '@hub/database';
import { generateEndpointSecret } from '../signing/endpoint-secret';
import { EndpointInputDto } from './dto/endpoint-input.dto';
import { EndpointResponse, EndpointWithSecretResponse, RotatedEndpointResponse } from './dto/endpoint-response.dto';
import { ENABLED_AFRESH, enabledState, nextSettings, settingsOf, settingsProblems } from './endpoint-changes';
import { EndpointCredentials } from './endpoint-credentials';
import { EndpointDestinations } from './endpoint-destinations';
import { Endpoint } from './endpoint.entity';
import { EndpointProbe } from './endpoint-probe';
import { EndpointQuotas } from './endpoint-quotas';
import { toEndpointDto } from './endpoint-response.mapper';
import { changedUrls, fieldErrors } from './endpoint-rules';

/** How long a rotated-out secret keeps signing. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class EndpointsService {
  private readonly scope: AccountScope<Endpoint>;

  constructor(
    @InjectRepository(Endpoint) repository: Repository<Endpoint>,
    private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    private readonly credentials: EndpointCredentials,
    private readonly destinations: EndpointDestinations,
    private readonly probe: EndpointProbe,
    private readonly quotas: EndpointQuotas,
  ) {
    this.scope = new AccountScope(repository, 'Endpoint');
  }

  get(accountId: string, id: string): Promise<Endpoint> {
    return this.scope.get(accountId, id);
  }

  async list(accountId: string): Promise<EndpointResponse[]> {
    return (await this.scope.find(accountId, { order: { created_at: 'DESC', id: 'DESC' } })).map(toEndpointDto);
  }

  /** Checks, verifies each URL with a signed webhook.test (unless skip_verification), then saves; nothing is saved on any 4xx. */
  async create(accountId: string, input: EndpointInputDto): Promise<EndpointWithSecretResponse> {
    const settings = nextSettings(null, input);
    const problems = settingsProblems(input, settings);
    if (problems.length > 0) throw fieldErrors(problems);
    const channel = settings.channel_id ? await this.destinations.requireChannel(accountId, settings.channel_id) : null;
    const urls = changedUrls(null, settings);
    await this.destinations.assertAllowed(urls);
    const enabled = input.enabled ?? true;
    await this.quotas.assertRoomFor(accountId, { ...settings, id: null, enabled });

    const id = randomUUID();
    const secret = generateEndpointSecret();
    const bearerToken = input.bearer_token ?? null;
    if (!input.skip_verification) {
      await this.probe.verify(
        urls.map((u) => u.url),
        { accountId, endpointId: id, secrets: [secret], bearerToken, headers: settings.headers, timeoutMs: settings.timeout_ms, channel },
      );
    }
    // Checked again under the account's lock: concurrent creates cannot together pass a quota.
    const saved = await this.dataSource.transaction(async (tx) => {
      await this.quotas.assertRoomFor(accountId, { ...settings, id: null, enabled }, tx);
      const values = {
        ...settings,
        ...enabledState(null, input.enabled),
        id,
        bearer_token_encrypted: this.box.encryptOptional(bearerToken),
        secret_encrypted: this.box.encrypt(secret),
      } as DeepPartial<Endpoint>;
      return this.scope.create(accountId, values, tx);
    });
    return { ...toEndpointDto(saved), secret };
  }

  /** Only URLs the endpoint did not already send to are checked against the network policy and verified. */
  async update(accountId: string, id: string, input: EndpointInputDto): Promise<EndpointResponse> {
    const current = await this.scope.get(accountId, id);
    const settings = nextSettings(settingsOf(current), input);
    const problems = settingsProblems(input, settings);
    if (problems.length > 0) throw fieldErrors(problems);
    if (input.channel_id) await this.destinations.requireChannel(accountId, input.channel_id);
    const urls = changedUrls(current, settings);
    await this.destinations.assertAllowed(urls);
    const enabled = input.enabled ?? current.enabled;
    await this.quotas.assertRoomFor(accountId, { ...settings, id, enabled });

    const bearerToken = input.bearer_token === undefined ? this.credentials.bearerToken(current) : input.bearer_token;
    if (!input.skip_verification && urls.length > 0) {
      await this.probe.verify(
        urls.map((u) => u.url),
        {
          accountId,
          endpointId: id,
          secrets: this.credentials.signingSecrets(current),
          bearerToken,
          headers: settings.headers,
          timeoutMs: settings.timeout_ms,
          channel: await this.destinations.channel(accountId, settings.channel_id),
        },
      );
    }
    const patch: DeepPartial<Endpoint> = { ...settings, ...enabledState(current, input.enabled) };
    if (input.bearer_token !== undefined) patch.bearer_token_encrypted = this.box.encryptOptional(input.bearer_token);
    const saved = await this.dataSource.transaction(async (tx) => {
      await this.quotas.assertRoomFor(accountId, { ...settings, id, enabled }, tx);
      return this.scope.update(accountId, id, patch, tx);
    });
    return toEndpointDto(saved);
  }

  async remove(accountId: string, id: string): Promise<void> {
    await this.scope.remove(accountId, id);
  }

  /** A new secret; the current one keeps signing too for 24 h (receivers see two signatures meanwhile). */
  async rotateSecret(accountId: string, id: string): Promise<RotatedEndpointResponse> {
    const secret = generateEndpointSecret();
    const expiresAt = new Date(Date.now() + SECRET_OVERLAP_MS);
    const saved = await this.dataSource.transaction(async (tx) => {
      const current = await this.scope.get(accountId, id, tx, true);
      return this.scope.update(
        accountId,
        id,
        { previous_secret_encrypted: current.secret_encrypted, previous_secret_expires_at: expiresAt, secret_encrypted: this.box.encrypt(secret) },
        tx,
      );
    });
    return { ...toEndpointDto(saved), secret, previous_secret_expires_at: expiresAt };
  }

  async revealSecret(accountId: string, id: string): Promise<{ secret: string }> {
    return { secret: this.credentials.signingSecrets(await this.scope.get(accountId, id))[0] };
  }

  async enable(accountId: string, id: string): Promise<EndpointResponse> {
    const saved = await this.dataSource.transaction(async (tx) => {
      const current = await this.scope.get(accountId, id, tx);
      await this.quotas.assertRoomFor(accountId, { ...settingsOf(current), id, enabled: true }, tx);
      return this.scope.update(accountId, id, { ...ENABLED_AFRESH }, tx);
    });
    return toEndpointDto(saved);
  }

  async disable(accountId: string, id: string): Promise<EndpointResponse> {
    return toEndpointDto(await this.scope.update(accountId, id, { enabled: false, disabled_reason: 'manual', disabled_at: new Date() }));
  }
}
