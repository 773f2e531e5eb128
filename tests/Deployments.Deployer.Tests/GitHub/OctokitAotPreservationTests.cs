using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Deployments.Deployer.GitHub;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>
/// Under Native AOT, Octokit can build by reflection only the generic types something names ahead of time: every
/// generic type the models we read from GitHub reach (StringEnum&lt;T&gt;, dictionaries) must be in
/// <see cref="GitHubClientFactory.Create"/>'s DynamicDependency list. Nullable&lt;T&gt; needs nothing (a boxed T is
/// set as is) and lists of models share one compiled form. A model added to <see cref="GitHubClientFactory.Models"/>
/// that reaches a new one fails here before it fails in the AOT tool.
/// </summary>
public class OctokitAotPreservationTests
{
    [Test]
    public void Every_generic_type_the_models_reach_is_kept()
    {
        // Arrange
        var kept = typeof(GitHubClientFactory).GetMethod(nameof(GitHubClientFactory.Create))!
            .GetCustomAttributes<DynamicDependencyAttribute>().Select(a => a.Type).OfType<Type>().ToHashSet();

        // Act
        var needed = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        void Walk(Type type)
        {
            if (!seen.Add(type)) return;
            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                if (definition == typeof(Octokit.StringEnum<>) && !kept.Contains(type)) needed.Add(type.ToString());
                if ((definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))
                    && !(kept.Contains(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()))
                         && kept.Contains(typeof(System.Collections.ObjectModel.ReadOnlyDictionary<,>).MakeGenericType(type.GetGenericArguments()))))
                    needed.Add(type.ToString());
                foreach (var argument in type.GetGenericArguments()) Walk(argument);
            }
            if (type.Assembly != typeof(Octokit.GitHubClient).Assembly) return;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)) Walk(property.PropertyType);
        }
        foreach (var model in GitHubClientFactory.Models) Walk(model);

        // Assert
        needed.ShouldBeEmpty();
    }
}
