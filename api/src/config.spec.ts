import { loadConfig, ConfigError } from './config.js';

describe('loadConfig', () => {
  it('applies defaults and resolves folders against the repository root', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe('/srv/app/data');
    expect(config.MONGODB_URI).toBeUndefined();
    expect(config.DEMO_DATA).toBe(true);
  });

  const bad: Array<[string, Record<string, string>, string]> = [
    ['a non-numeric port', { PORT: 'eighty' }, 'PORT'],
    ['a port out of range', { PORT: '70000' }, 'PORT'],
    ['a URI that is not MongoDB', { MONGODB_URI: 'postgres://x' }, 'MONGODB_URI'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['a non-boolean switch', { DEMO_DATA: 'yes' }, 'DEMO_DATA'],
  ];
  for (const [what, env, name] of bad) {
    it(`refuses ${what}, naming ${name}`, () => {
      expect(() => loadConfig(env, '/srv/app')).toThrowMatching(
        (e) => e instanceof ConfigError && e.message.includes(name),
      );
    });
  }

  it('ignores empty variables so an unset value falls back to its default', () => {
    expect(loadConfig({ MONGODB_URI: '' }, '/srv/app').MONGODB_URI).toBeUndefined();
  });
});
