using Deployments.Infra;

// The compiler's entry: ./infra/compile runs this assembly; the `deployments` tool runs the same method as
// `deployments compile` (one code path).
return CompilerProgram.Run(args);
