import { HubMetrics, MAX_ENDPOINT_SERIES, OTHER_ENDPOINTS } from './hub-metrics';

describe('HubMetrics per-endpoint series', () => {
  // A histogram's values also name their series (_bucket, _sum, _count), which prom-client's type leaves out.
  const seriesOf = async (metrics: HubMetrics, name: string) =>
    ((await metrics.registry.getSingleMetric(name)?.get())?.values ?? []) as { labels: Record<string, string | number>; value: number; metricName?: string }[];

  it('counts each attempt hub-wide and under its endpoint, by outcome, with its latency', async () => {
    const metrics = new HubMetrics();
    metrics.recordAttempt('ep-1', 'succeeded', 0.2);
    metrics.recordAttempt('ep-1', 'retry', 3);
    metrics.recordAttempt('ep-2', 'succeeded', 0.04);
    const outcomes = await seriesOf(metrics, 'webhook_hub_endpoint_deliveries_total');
    expect(outcomes.map(({ labels, value }) => [labels.endpoint_id, labels.outcome, value]).sort()).toEqual([
      ['ep-1', 'retry', 1],
      ['ep-1', 'succeeded', 1],
      ['ep-2', 'succeeded', 1],
    ]);
    const latency = await seriesOf(metrics, 'webhook_hub_endpoint_attempt_duration_seconds');
    const count = (endpoint: string) => latency.find((v) => v.metricName?.endsWith('_count') && v.labels.endpoint_id === endpoint)?.value;
    expect([count('ep-1'), count('ep-2')]).toEqual([2, 1]);
    const under = (endpoint: string, le: number) => latency.find((v) => v.metricName?.endsWith('_bucket') && v.labels.endpoint_id === endpoint && v.labels.le === le)?.value;
    expect([under('ep-1', 0.25), under('ep-1', 2.5), under('ep-1', 5)]).toEqual([1, 1, 2]);
    expect((await seriesOf(metrics, 'webhook_hub_deliveries_total')).map((v) => [v.labels.outcome, v.value]).sort()).toEqual([
      ['retry', 1],
      ['succeeded', 2],
    ]);
  });

  it(`gives the first ${MAX_ENDPOINT_SERIES} endpoints series of their own and counts the rest as "${OTHER_ENDPOINTS}"`, async () => {
    const metrics = new HubMetrics();
    for (let i = 0; i < MAX_ENDPOINT_SERIES + 5; i++) metrics.recordAttempt(`ep-${i}`, 'succeeded', 0.1);
    metrics.recordAttempt('ep-0', 'succeeded', 0.1); // one that has its series keeps it
    const outcomes = await seriesOf(metrics, 'webhook_hub_endpoint_deliveries_total');
    expect(outcomes).toHaveLength(MAX_ENDPOINT_SERIES + 1);
    expect(outcomes.find((v) => v.labels.endpoint_id === OTHER_ENDPOINTS)?.value).toBe(5);
    expect(outcomes.find((v) => v.labels.endpoint_id === 'ep-0')?.value).toBe(2);
    expect(outcomes.some((v) => v.labels.endpoint_id === `ep-${MAX_ENDPOINT_SERIES}`)).toBe(false);
  });
});
