import { BoundedLiquid, TEMPLATE_LIMITS, TemplateBudget, TemplateError } from './bounded-liquid';

describe('BoundedLiquid', () => {
  const liquid = new BoundedLiquid();
  const NESTED_LOOPS = '{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..1000) %}x{% endfor %}{% endfor %}{% endfor %}';

  it('renders ordinary templates, arrays the way liquidjs writes them', async () => {
    expect(await liquid.render('Hi {{ name }} {{ list }}', { name: 'Ana', list: ['a', ['b', 1]] })).toBe('Hi Ana ab1');
  });

  it('stops three nested 1..1000 loops at a limit, naming it', async () => {
    await expect(liquid.render(NESTED_LOOPS, {})).rejects.toThrow(
      new RegExp(`^(rendering took longer than the limit of ${TEMPLATE_LIMITS.renderMs} ms|rendering allocated more than the limit of ${TEMPLATE_LIMITS.memoryUnits} characters or items)`),
    );
  });

  it('refuses output past the limit before building it (a 500 KB variable looped 120 times)', async () => {
    const big = 'y'.repeat(500 * 1024);
    const rendering = liquid.render('{% for i in (1..120) %}{{ big }}{% endfor %}', { big });
    await expect(rendering).rejects.toThrow(TemplateError);
    await expect(liquid.render('{% for i in (1..120) %}{{ big }}{% endfor %}', { big })).rejects.toThrow(
      `the rendered output is larger than the limit of ${TEMPLATE_LIMITS.outputChars} characters`,
    );
    // Captured output is counted when it is written.
    await expect(liquid.render('{% capture c %}{% for i in (1..120) %}{{ big }}{% endfor %}{% endcapture %}{{ c }}', { big })).rejects.toThrow(/rendered output is larger/);
    expect(await liquid.render('{{ big }}', { big })).toHaveLength(big.length);
  });

  it('shares one budget across the templates of a job', async () => {
    const budget = new TemplateBudget();
    const half = 'z'.repeat(TEMPLATE_LIMITS.outputChars / 2 + 1);
    expect(await liquid.render('{{ half }}', { half }, budget)).toHaveLength(half.length);
    await expect(liquid.render('{{ half }}', { half }, budget)).rejects.toThrow(/rendered output is larger/);
  });

  it('names the allocation and source limits', async () => {
    await expect(liquid.render('{% for i in (1..100000000) %}{% endfor %}', {})).rejects.toThrow(/^rendering allocated more than the limit/);
    await expect(liquid.render('x'.repeat(TEMPLATE_LIMITS.sourceChars + 1), {})).rejects.toThrow(`the template is longer than the limit of ${TEMPLATE_LIMITS.sourceChars} characters`);
    expect(liquid.problem('x'.repeat(TEMPLATE_LIMITS.sourceChars + 1))).toBe(`the template is longer than the limit of ${TEMPLATE_LIMITS.sourceChars} characters`);
  });
});
