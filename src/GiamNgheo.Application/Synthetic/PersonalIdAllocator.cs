using System.Globalization;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Hands out 12-digit personal ID numbers: the structural prefix of <see cref="PersonalId.Prefix"/> (birth province,
/// sex and century, year) followed by 6 digits. The n-th person of a prefix gets (n × A + B) mod 10⁶ with A coprime
/// to 10⁶, a bijection, so numbers are unique within a run without remembering them, and look scattered. Memory is
/// one counter per prefix (at most 96 × 2 × ~110).
/// </summary>
internal sealed class PersonalIdAllocator(long seed)
{
    private const int SuffixRange = 1_000_000;
    private const long Multiplier = 738_271; // odd and not a multiple of 5: coprime to 10^6.

    private readonly string _seedText = seed.ToString(CultureInfo.InvariantCulture) + ":";
    private readonly Dictionary<int, (int Count, long Offset)> _counters = [];

    public string Next(int birthProvince, Sex sex, int birthYear)
    {
        var prefix = PersonalId.Prefix(birthProvince, sex, birthYear);
        var key = int.Parse(prefix, CultureInfo.InvariantCulture);
        if (!_counters.TryGetValue(key, out var state))
        {
            state = (0, (long)(SyntheticRandom.Hash(_seedText + prefix) % SuffixRange));
        }

        var n = state.Count;
        if (n >= SuffixRange)
        {
            throw new InvalidOperationException($"More than {SuffixRange} people share the ID prefix {prefix}.");
        }

        _counters[key] = (n + 1, state.Offset);
        var suffix = ((n * Multiplier) + state.Offset) % SuffixRange;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{suffix:000000}");
    }
}
