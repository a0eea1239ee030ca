export * from './units/unit.js';
export * from './cadres/cadre.js';
export * from './stats/cadre-distribution.js';
export * from './platform/problem.js';
