// Import boundaries (`npm run lint`): the stages are pure functions of their inputs and the store
// interfaces they are handed; only the orchestration layers (pipeline, cli, server, watch, queue)
// open a store, and only the CLI knows about the CLI. Tests may wire anything.
const STAGES = 'src/(align|extract|fetch|understand|stories|rank|write|translate|verify|publish|text|sources|llm|prompts)/';
const NOT_TESTS = ['\\.test\\.ts$', '\\.fixture\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'stage-imports-orchestration',
      comment: 'A stage takes the store interfaces it needs as parameters; it never opens the store or calls the pipeline, the CLI, the server or the watcher.',
      severity: 'error',
      from: { path: `^${STAGES}`, pathNot: NOT_TESTS },
      to: { path: ['^src/(store|cli|pipeline|server|watch|queue)/', '^src/config\\.ts$'] },
    },
    {
      name: 'shared-modules-stay-shared',
      comment: "The top-level shared modules (the Article type, errors, YAML and zod helpers, the project's root) are below every stage: they import no orchestration layer and not the run's configuration.",
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$', pathNot: ['^src/config\\.ts$', ...NOT_TESTS] },
      to: { path: ['^src/(store|cli|pipeline|server|watch|queue)/', '^src/config\\.ts$'] },
    },
    {
      name: 'store-below-orchestration',
      comment: 'The store is called by the orchestration layers, never the other way round: it does not import the pipeline, the server, the watcher or the queue (it may import a stage\'s types, such as the ports a stage declares).',
      severity: 'error',
      from: { path: '^src/store/', pathNot: NOT_TESTS },
      to: { path: '^src/(pipeline|server|watch|queue)/' },
    },
    {
      name: 'only-cli-imports-cli',
      comment: 'The CLI is the outermost layer: nothing under src/ but the CLI itself imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/cli/', ...NOT_TESTS] },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules load in one order: no cycle of runtime imports (type-only imports are erased and may point back).',
      severity: 'error',
      from: { pathNot: NOT_TESTS },
      to: { circular: true, pathNot: NOT_TESTS, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
