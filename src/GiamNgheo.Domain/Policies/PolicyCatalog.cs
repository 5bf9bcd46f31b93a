namespace GiamNgheo.Domain.Policies;

/// <summary>The policies of docs/domain.md §6 shipped with the system (embedded <c>Policies/Data/policies.json</c>).</summary>
public static class PolicyCatalog
{
    private static readonly Lazy<IReadOnlyList<Policy>> Shipped = new(Load);

    public static IReadOnlyList<Policy> All => Shipped.Value;

    public static Policy? Find(string code) =>
        All.FirstOrDefault(p => string.Equals(p.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <exception cref="KeyNotFoundException">No shipped policy has this code.</exception>
    public static Policy Get(string code) => Find(code) ?? throw new KeyNotFoundException($"Unknown policy '{code}'.");

    private static List<Policy> Load()
    {
        using var stream = typeof(PolicyCatalog).Assembly.GetManifestResourceStream("Policies/Data/policies.json")
            ?? throw new InvalidOperationException("Embedded Policies/Data/policies.json is missing.");
        return [.. PolicyJson.DeserializeList(stream)];
    }
}
