export { builtClusterTemplate, clusterTemplatePath } from './cluster-template.js';
export * from './pglite.js';
