namespace GiamNgheo.Domain.Standards;

/// <summary>
/// How an indicator is evaluated: always from the reviewer's direct answer, or from member facts by a named
/// rule when member facts are present (the direct answer otherwise).
/// </summary>
public sealed record IndicatorEvaluation
{
    private static readonly IReadOnlyDictionary<string, int> NoParameters = new Dictionary<string, int>();

    private IndicatorEvaluation(MemberRule? rule, IReadOnlyDictionary<string, int> parameters)
    {
        Rule = rule;
        Parameters = parameters;
    }

    /// <summary>The reviewer's direct answer (Phiếu B) decides.</summary>
    public static IndicatorEvaluation DirectAnswer { get; } = new(null, NoParameters);

    /// <summary>Null for a direct answer.</summary>
    public MemberRule? Rule { get; }

    public IReadOnlyDictionary<string, int> Parameters { get; }

    public bool IsDerivedFromMembers => Rule is not null;

    public static IndicatorEvaluation FromMembers(MemberRule rule, IReadOnlyDictionary<string, int> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var missing = rule.RequiredParameters().Where(p => !parameters.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"Rule {rule.ToCode()} needs parameter(s) {string.Join(", ", missing)}.", nameof(parameters));
        }

        return new IndicatorEvaluation(rule, new Dictionary<string, int>(parameters, StringComparer.Ordinal));
    }

    public int Parameter(string name) =>
        Parameters.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"Parameter {name} is not set.");
}
