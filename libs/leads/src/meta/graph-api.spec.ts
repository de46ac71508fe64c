import { AppConfig } from '@hub/config';
import { FakeGraphApi } from '../../../../test/support/fake-graph-api';
import { GraphApi, GraphLeadError } from './graph-api';

describe('GraphApi (against a local fake Graph API)', () => {
  let graph: FakeGraphApi;
  let api: GraphApi;

  beforeAll(async () => {
    graph = await new FakeGraphApi().start();
    api = new GraphApi({ metaGraphUrl: graph.url } as AppConfig);
    graph.leads.set('9001', { form_id: '77', ad_id: '5', field_data: [{ name: 'full_name', values: ['Ann Lee'] }, { name: 'interests', values: ['yoga', 'golf'] }] });
  });
  afterAll(() => graph.stop());

  const failure = async (leadgenId: string, token = graph.token): Promise<GraphLeadError> => {
    try {
      await api.fetchLead(leadgenId, token);
    } catch (error) {
      return error as GraphLeadError;
    }
    throw new Error('no error');
  };

  it('fetches a lead with the page access token and joins multi-value answers', async () => {
    expect(await api.fetchLead('9001', graph.token)).toEqual({ id: '9001', form_id: '77', ad_id: '5', campaign_id: null, fields: { full_name: 'Ann Lee', interests: 'yoga, golf' } });
    expect(graph.requests.at(-1)).toEqual({ leadgenId: '9001', token: graph.token });
  });

  it('tells what may heal (5xx, 429) from what will not (expired token, deleted lead)', async () => {
    graph.script.set('9001', [503, 429]);
    expect(await failure('9001')).toMatchObject({ kind: 'retry', message: 'Graph API 503: An unknown error has occurred.' });
    expect((await failure('9001')).kind).toBe('retry');
    expect((await api.fetchLead('9001', graph.token)).id).toBe('9001');
    expect(await failure('9001', 'expired')).toMatchObject({ kind: 'permanent', message: 'Graph API 400: Error validating access token: Session has expired.' });
    expect(await failure('404404')).toMatchObject({ kind: 'permanent', message: expect.stringContaining('does not exist') });
  });

  it('retries when the Graph API cannot be reached', async () => {
    const offline = new GraphApi({ metaGraphUrl: 'http://127.0.0.1:9/v21.0' } as AppConfig);
    await expect(offline.fetchLead('1', 't')).rejects.toMatchObject({ kind: 'retry' });
  });
});
