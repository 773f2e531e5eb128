using Deployments.Deployer;
using Deployments.Deployer.Commands;

// `deployments compile …` is the Pulumi YAML compiler, run before anything else is built: the YAML host starts it
// at least twice per operation, so it pays for nothing of the deployer (command tree, console context).
if (args is [DeployerApp.CompileCommandName, .. var compilerArgs]) return Deployments.Infra.CompilerProgram.Run(compilerArgs);

// The edge: parse, run, and map every expected failure to its exit code with a message, never a stack trace.
var context = CommandContext.FromConsole();
return await DeployerApp.RunAsync(args, context);
