using System.Globalization;
using System.Text.RegularExpressions;

namespace Deployments.Infra.Config;

/// <summary>One extra outbound rule of the task security group, written <c>tcp:6379:10.0.0.0/16</c> or <c>udp:123-124:0.0.0.0/0</c>.</summary>
public sealed partial record EgressRule(string Protocol, int FromPort, int ToPort, string Cidr)
{
    public const string Allowed = "'<tcp|udp>:<port or from-to>:<IPv4 CIDR>', e.g. tcp:6379:10.0.0.0/16 (ports 1-65535)";

    [GeneratedRegex(@"^(?<protocol>tcp|udp):(?<from>\d{1,5})(-(?<to>\d{1,5}))?:(?<cidr>(\d{1,3}\.){3}\d{1,3}/\d{1,2})\z")]
    private static partial Regex Shape();

    public static bool TryParse(string text, out EgressRule? rule)
    {
        rule = null;
        var match = Shape().Match(text);
        if (!match.Success) return false;
        var from = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
        var to = match.Groups["to"].Success ? int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture) : from;
        var cidr = match.Groups["cidr"].Value;
        if (from is < 1 or > 65535 || to < from || to > 65535 || !IsCidr(cidr)) return false;
        rule = new EgressRule(match.Groups["protocol"].Value, from, to, cidr);
        return true;
    }

    public override string ToString() =>
        FromPort == ToPort ? $"{Protocol}:{FromPort}:{Cidr}" : $"{Protocol}:{FromPort}-{ToPort}:{Cidr}";

    private static bool IsCidr(string cidr)
    {
        var parts = cidr.Split('/');
        return parts[0].Split('.').All(o => int.Parse(o, CultureInfo.InvariantCulture) <= 255)
            && int.Parse(parts[1], CultureInfo.InvariantCulture) <= 32;
    }
}
