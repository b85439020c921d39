export * from './provenance.ts';
export * from './figures.ts';
export * from './briefing.ts';
export * from './manifest.ts';
export * from './validation.ts';
export * from './checks.ts';
export * from './diff.ts';
export * from './packs.ts';
