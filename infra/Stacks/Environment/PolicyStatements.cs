using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>IAM statements with conditions (IAM JSON policy reference: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html).</summary>
public static class PolicyStatements
{
    public static Props Allow(string sid, IEnumerable<string> actions, IEnumerable<object> resources, Props? condition = null) =>
        Statement(sid, "Allow", actions, resources, condition);

    public static Props Deny(string sid, IEnumerable<string> actions, IEnumerable<object> resources, Props? condition = null) =>
        Statement(sid, "Deny", actions, resources, condition);

    /// <summary><c>{"Null": {"aws:ResourceTag/key": "false"}}</c>: the resource carries the tag.</summary>
    public static Props ResourceTagged(string key) => new() { ["Null"] = new Props { [$"aws:ResourceTag/{key}"] = "false" } };

    /// <summary><c>{"Null": {"aws:RequestTag/key": "false"}}</c>: the request sets the tag.</summary>
    public static Props RequestTagged(string key) => new() { ["Null"] = new Props { [$"aws:RequestTag/{key}"] = "false" } };

    public static Props StringEquals(string key, object value) => new() { ["StringEquals"] = new Props { [key] = value } };

    private static Props Statement(string sid, string effect, IEnumerable<string> actions, IEnumerable<object> resources, Props? condition)
    {
        var statement = new Props
        {
            ["Sid"] = sid,
            ["Effect"] = effect,
            ["Action"] = actions.ToList(),
            ["Resource"] = resources.ToList(),
        };
        if (condition is not null) statement["Condition"] = condition;
        return statement;
    }
}
