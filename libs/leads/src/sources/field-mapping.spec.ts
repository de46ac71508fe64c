import { mapLeadFields, splitFullName } from './field-mapping';

describe('mapLeadFields', () => {
  it("maps Meta's standard questions by default, splits the full name and keeps every other answer as a custom field", () => {
    expect(mapLeadFields({ full_name: 'María González López', email: 'maria@example.com', phone_number: '+34612345678', preferred_city: 'Madrid' }, 'meta', null)).toEqual({
      first_name: 'María',
      last_name: 'González López',
      email: 'maria@example.com',
      phone: '+34612345678',
      custom_fields: { preferred_city: 'Madrid' },
    });
  });

  it("maps Google's column ids by default", () => {
    expect(mapLeadFields({ FULL_NAME: 'Ann Lee', EMAIL: 'ann@example.com', PHONE_NUMBER: '+15555550123', 'what_is_your_budget?': '5000' }, 'google', null)).toEqual({
      first_name: 'Ann',
      last_name: 'Lee',
      email: 'ann@example.com',
      phone: '+15555550123',
      custom_fields: { 'what_is_your_budget?': '5000' },
    });
  });

  it("uses the source's own mapping instead of the defaults, renaming custom fields too", () => {
    const mapping = { work_email: 'email', city: 'home_city', email: 'secondary_email' };
    expect(mapLeadFields({ work_email: 'a@corp.example', email: 'a@home.example', city: 'Lima' }, 'meta', mapping)).toEqual({
      email: 'a@corp.example',
      custom_fields: { secondary_email: 'a@home.example', home_city: 'Lima' },
    });
  });

  it('lets explicit first and last names win over a split full name, and skips blank answers', () => {
    expect(mapLeadFields({ full_name: 'Ann Marie Lee', last_name: 'Lee-Smith', email: '  ' }, 'meta', null)).toEqual({ first_name: 'Ann', last_name: 'Lee-Smith', custom_fields: {} });
  });
});

describe('splitFullName', () => {
  it('takes the first word as the first name and the rest as the last', () => {
    expect(splitFullName('Ann')).toEqual({ first: 'Ann' });
    expect(splitFullName('Ann   van der Berg')).toEqual({ first: 'Ann', last: 'van der Berg' });
  });
});
