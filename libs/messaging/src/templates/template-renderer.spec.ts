import { looksLikeHtml, TemplateError, TemplateRenderer } from './template-renderer';

describe('TemplateRenderer', () => {
  const renderer = new TemplateRenderer();

  it('renders variables and standard filters', async () => {
    await expect(renderer.render('Hi {{ first_name | capitalize }}, order {{ order.id }} ships {{ when | default: "soon" }}', { first_name: 'maría', order: { id: 'A-1' } }))
      .resolves.toBe('Hi María, order A-1 ships soon');
  });

  it('renders unknown variables empty', async () => {
    await expect(renderer.render('[{{ missing }}]', {})).resolves.toBe('[]');
  });

  it('refuses unknown filters', async () => {
    await expect(renderer.render('{{ name | shout }}', { name: 'x' })).rejects.toThrow(TemplateError);
  });

  it('refuses syntax errors', async () => {
    await expect(renderer.render('{% if x %}no end', { x: true })).rejects.toThrow(TemplateError);
  });

  it('never reads the file system', async () => {
    await expect(renderer.render("{% include '/etc/passwd' %}", {})).rejects.toThrow(TemplateError);
    await expect(renderer.render("{% render '../package.json' %}", {})).rejects.toThrow(TemplateError);
  });

  it('escapes variables into HTML templates only', async () => {
    const vars = { name: '<b>Tom & Jerry</b>' };
    await expect(renderer.render('<p>Hi {{ name }}</p>', vars)).resolves.toBe('<p>Hi &lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</p>');
    await expect(renderer.render('Hi {{ name }}', vars)).resolves.toBe('Hi <b>Tom & Jerry</b>');
  });

  it('does not read inherited properties', async () => {
    await expect(renderer.render('{{ obj.constructor }}', { obj: {} })).resolves.toBe('');
  });

  it('tells HTML from text', () => {
    expect(looksLikeHtml('<p>Hello</p>')).toBe(true);
    expect(looksLikeHtml('<a href="https://x">x</a>')).toBe(true);
    expect(looksLikeHtml('2 < 3 and 5 > 4')).toBe(false);
    expect(looksLikeHtml('Write to <maria@example.com>')).toBe(false);
  });
});
