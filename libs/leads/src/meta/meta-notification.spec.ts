import { losslessBody } from '../capture/lossless-body';
import { readMetaNotification } from './meta-notification';

const read = (json: string) => readMetaNotification(losslessBody(Buffer.from(json)));

describe('readMetaNotification', () => {
  it('reads every leadgen change of every entry, ids as exact digits, each lead once, other fields skipped', () => {
    const leads = read(
      JSON.stringify({
        object: 'page',
        entry: [
          { id: '111', time: 1700000000, changes: [{ field: 'leadgen', value: { leadgen_id: '9001', page_id: '111', form_id: '77', ad_id: '5', adgroup_id: '6', created_time: 1700000000 } }, { field: 'feed', value: {} }] },
          { id: '222', changes: [{ field: 'leadgen', value: { leadgen_id: '9002' } }, { field: 'leadgen', value: { leadgen_id: '9002' } }] },
        ],
      }).replace('"9002"', '90071992547409931234'),
    );
    expect(leads).toEqual([
      { page_id: '111', leadgen_id: '9001', form_id: '77', ad_id: '5', adgroup_id: '6' },
      { page_id: '222', leadgen_id: '90071992547409931234', form_id: null, ad_id: null, adgroup_id: null },
      { page_id: '222', leadgen_id: '9002', form_id: null, ad_id: null, adgroup_id: null },
    ]);
  });

  it('names what is missing or of the wrong shape (422)', () => {
    const failure = (json: string) => {
      try {
        read(json);
        return 'no error';
      } catch (error) {
        return (error as { getResponse(): { details: { field: string }[] } }).getResponse().details[0].field;
      }
    };
    expect(failure('[]')).toBe('body');
    expect(failure('{"object":"user","entry":[]}')).toBe('object');
    expect(failure('{"object":"page"}')).toBe('entry');
    expect(failure('{"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"page_id":"1"}}]}]}')).toBe('entry[0].changes[0].value.leadgen_id');
    expect(failure('{"object":"page","entry":[{"changes":[{"field":"leadgen","value":{"leadgen_id":"1"}}]}]}')).toBe('entry[0].changes[0].value.page_id');
    expect(read('{"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":{}}]}]}')).toEqual([]);
  });
});
