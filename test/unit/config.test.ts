import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.ts';

describe('configuration from the environment', () => {
  it('defaults to port 4000, the embedded database and the demo password', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeNull();
    expect(config.demoPassword).toBe('wishgrid-demo');
    expect(config.seedOnStart).toBe(true);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ SEED_ON_START: 'maybe' })).toThrow(/SEED_ON_START/);
  });

  it('does not seed demo accounts in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedOnStart).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_ON_START: 'true' }).seedOnStart).toBe(true);
  });
});
