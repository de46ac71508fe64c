import { Writable } from 'node:stream';
import { HubLogger } from './hub-logger';

function capture(level = 'info'): { logger: HubLogger; lines: Record<string, any>[] } {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: new HubLogger(level, sink), lines };
}

describe('HubLogger', () => {
  it('writes Nest log calls as pino lines with their context', () => {
    const { logger, lines } = capture();
    logger.log('Delivery consumer started', 'DeliveryConsumer');
    logger.warn('slow receiver', 'DeliveryRunner');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, msg: 'Delivery consumer started', context: 'DeliveryConsumer' }),
      expect.objectContaining({ level: 40, msg: 'slow receiver', context: 'DeliveryRunner' }),
    ]);
  });

  it("writes Nest's boot narration at debug, so info shows what an operator needs", () => {
    const { logger, lines } = capture();
    logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    logger.log('AccountsModule dependencies initialized', 'InstanceLoader');
    logger.log('Nest application successfully started', 'NestApplication');
    expect(lines.map((line) => line.msg)).toEqual(['Nest application successfully started']);
    const debug = capture('debug');
    debug.logger.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    expect(debug.lines).toEqual([expect.objectContaining({ level: 20, context: 'RouterExplorer' })]);
  });

  it('keeps the stack Nest passes to error() and serialises Error objects', () => {
    const { logger, lines } = capture();
    logger.error('send failed', 'Error: send failed\n    at somewhere', 'MessageSender');
    logger.error(new Error('exploded'), 'Worker');
    expect(lines[0]).toMatchObject({ level: 50, msg: 'send failed', stack: 'Error: send failed\n    at somewhere', context: 'MessageSender' });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'exploded', context: 'Worker', err: { message: 'exploded', type: 'Error' } });
  });

  it('redacts credential fields of logged objects', () => {
    const { logger, lines } = capture();
    logger.log({ msg: 'channel saved', channel: { name: 'smtp', password: 'hunter2', api_key: 'key-123' } }, 'Channels');
    expect(JSON.stringify(lines[0])).not.toMatch(/hunter2|key-123/);
    expect(lines[0].channel).toEqual({ name: 'smtp', password: '[redacted]', api_key: '[redacted]' });
  });

  it('writes nothing below its level', () => {
    const { logger, lines } = capture('warn');
    logger.log('quiet');
    logger.debug('quieter');
    logger.verbose('quietest');
    logger.error('loud');
    expect(lines.map((line) => line.msg)).toEqual(['loud']);
  });
});
