using Deployments.Deployer;
using Deployments.Deployer.Commands;

// The edge: parse, run, and map every expected failure to its exit code with a message, never a stack trace.
var context = CommandContext.FromConsole();
return await DeployerApp.RunAsync(args, context);
