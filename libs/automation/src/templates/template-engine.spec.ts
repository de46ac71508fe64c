import { TemplateEngine } from './template-engine';

describe('TemplateEngine', () => {
  const templates = new TemplateEngine();
  const vars = { first_name: 'María', email: 'maria@example.com', plan: 'pro', 'utm source': 'ads', nested: { city: 'Sevilla' } };

  it('renders contact fields, custom fields and trigger keys; unknown variables render empty', async () => {
    expect(await templates.render('Hola {{ first_name }} ({{ email }}), plan {{ plan | upcase }} from {{ nested.city }}{{ missing }}!', vars)).toBe('Hola María (maria@example.com), plan PRO from Sevilla!');
    expect(await templates.render('{{ ["utm source"] }}', vars)).toBe('ads');
    expect(await templates.render('{{ missing | default: "friend" }}', vars)).toBe('friend');
  });

  it('never reads files nor inherited properties', async () => {
    await expect(templates.render('{% include "/etc/passwd" %}', vars)).rejects.toThrow(/Failed to lookup/);
    expect(await templates.render('[{{ nested.constructor }}][{{ nested.__proto__ }}]', vars)).toBe('[][]');
  });

  it('does not escape output (http_request bodies and contact fields are not HTML)', async () => {
    expect(await templates.render('<p>Hi {{ name }}</p>', { name: '<b>Bo</b> & co' })).toBe('<p>Hi <b>Bo</b> & co</p>');
  });

  it('renders every string inside a JSON body and keeps other values', async () => {
    expect(await templates.renderDeep({ who: '{{ first_name }}', list: ['{{ plan }}', 7, null], flag: true }, vars)).toEqual({ who: 'María', list: ['pro', 7, null], flag: true });
  });

  it('reports syntax problems in words, or null', () => {
    expect(templates.problem('Hi {{ first_name }}')).toBeNull();
    expect(templates.problem('{{ x | nope }}')).toMatch(/undefined filter: nope/);
    expect(templates.problem('{% for %}')).toEqual(expect.any(String));
  });
});
