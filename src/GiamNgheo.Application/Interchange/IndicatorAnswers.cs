using System.Numerics;

namespace GiamNgheo.Application.Interchange;

/// <summary>
/// The 0/1/empty answers of one household to the indicator columns of <see cref="HouseholdColumns.Indicators"/>,
/// held as two bit masks in column order (bit i = column i): which indicators are answered, and which of those
/// are deprived.
/// </summary>
public readonly record struct IndicatorAnswers(uint Answered, uint Deprived)
{
    public static IndicatorAnswers None => default;

    /// <summary>True = deprived, false = not deprived, null = not answered. Throws for an unknown code.</summary>
    public bool? Get(string code) => Get(IndexOf(code));

    public bool? Get(int index)
    {
        var bit = 1u << index;
        return (Answered & bit) == 0 ? null : (Deprived & bit) != 0;
    }

    public IndicatorAnswers With(string code, bool? deprived) => With(IndexOf(code), deprived);

    public IndicatorAnswers With(int index, bool? deprived)
    {
        var bit = 1u << index;
        return deprived switch
        {
            null => new(Answered & ~bit, Deprived & ~bit),
            true => new(Answered | bit, Deprived | bit),
            false => new(Answered | bit, Deprived & ~bit),
        };
    }

    /// <summary>Number of deprived indicators among <paramref name="codes"/> (e.g. one standard's codes).</summary>
    public int CountDeprived(IEnumerable<string> codes) => CountDeprived(MaskOf(codes));

    /// <summary>Number of deprived indicators among the columns of <paramref name="mask"/> (see <see cref="MaskOf"/>).</summary>
    public int CountDeprived(uint mask) => BitOperations.PopCount(Deprived & mask);

    /// <summary>The bit mask of some indicator codes, to count them fast in a loop.</summary>
    public static uint MaskOf(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var mask = 0u;
        foreach (var code in codes)
        {
            mask |= 1u << IndexOf(code);
        }

        return mask;
    }

    private static int IndexOf(string code)
    {
        var index = HouseholdColumns.IndicatorIndex(code);
        return index >= 0 ? index : throw new ArgumentException($"Unknown indicator code '{code}'.", nameof(code));
    }
}
