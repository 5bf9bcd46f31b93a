namespace GiamNgheo.Domain.Standards;

/// <summary>The national standards shipped with the system (embedded <c>Standards/Data/*.json</c>).</summary>
public static class StandardCatalog
{
    public const string Qd59Of2015 = "QD59_2015";
    public const string Nd07Of2021 = "ND07_2021";
    public const string Nd351Of2025 = "ND351_2025";

    private static readonly Lazy<IReadOnlyList<PovertyStandard>> Shipped = new(Load);

    /// <summary>All shipped standards, oldest first.</summary>
    public static IReadOnlyList<PovertyStandard> All => Shipped.Value;

    /// <summary>The shipped standard with this code, or null.</summary>
    public static PovertyStandard? Find(string code) =>
        All.FirstOrDefault(s => string.Equals(s.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <exception cref="KeyNotFoundException">No shipped standard has this code.</exception>
    public static PovertyStandard Get(string code) =>
        Find(code) ?? throw new KeyNotFoundException($"Unknown poverty standard '{code}'. Known: {string.Join(", ", All.Select(s => s.Code))}.");

    /// <summary>The shipped national standards that apply on <paramref name="date"/> (usually one).</summary>
    public static IReadOnlyList<PovertyStandard> ApplyingOn(DateOnly date) => All.Where(s => s.AppliesOn(date)).ToList();

    private static List<PovertyStandard> Load()
    {
        var assembly = typeof(StandardCatalog).Assembly;
        var standards = new List<PovertyStandard>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Standards/Data/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded standard {name} cannot be opened.");
            standards.Add(StandardJson.Deserialize(stream));
        }

        return standards.OrderBy(s => s.ValidFrom).ToList();
    }
}
