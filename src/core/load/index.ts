// Training-load monitoring (REFERENCE §4): session RPE load, daily series, monotony, strain, ACWR.
export { sessionLoad } from './sessionLoad';
export { dailyLoads, type DatedLoad, type DailyLoads } from './dailyLoads';
export { monotony, type MonotonyOptions } from './monotony';
export { strain } from './strain';
export { acwrRolling, type AcwrSeries } from './acwrRolling';
export { acwrEwma } from './acwrEwma';
