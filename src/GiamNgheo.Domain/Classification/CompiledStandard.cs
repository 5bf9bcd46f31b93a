using System.Numerics;
using System.Runtime.CompilerServices;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Classification;

/// <summary>
/// A standard's income rule reduced to three thresholds per area type for the batch path. Both rule shapes
/// become one: poor when I ≤ p; else when I ≤ n, poor if D ≥ k and near-poor otherwise; else medium when
/// I ≤ m; else not poor. A one-line standard has p = −∞ and n = L; a standard without a medium band has m = n.
/// This is exactly <see cref="PovertyRule.Decide"/> (a property test holds them equal).
/// </summary>
public sealed class CompiledStandard
{
    private readonly long _ruralP;
    private readonly long _urbanP;
    private readonly long _ruralN;
    private readonly long _urbanN;
    private readonly long _ruralM;
    private readonly long _urbanM;

    private CompiledStandard(PovertyStandard standard)
    {
        Standard = standard;
        K = standard.DeprivationThreshold.Value;
        (_ruralP, _ruralN, _ruralM) = Thresholds(standard.Shape.Value, standard.Rural);
        (_urbanP, _urbanN, _urbanM) = Thresholds(standard.Shape.Value, standard.Urban);
    }

    public PovertyStandard Standard { get; }

    public int K { get; }

    public string Code => Standard.Code;

    /// <summary>Income-based rule of <paramref name="standard"/> (B1 scores go through <see cref="HouseholdClassifier"/>).</summary>
    public static CompiledStandard Compile(PovertyStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return new CompiledStandard(standard);
    }

    /// <summary>Category of one household; <paramref name="deprivations"/> is the deprivation mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public HouseholdCategory Categorize(long income, AreaType area, uint deprivations)
    {
        var urban = area == AreaType.Urban;
        return Categorize(income, urban ? _urbanP : _ruralP, urban ? _urbanN : _ruralN, urban ? _urbanM : _ruralM, BitOperations.PopCount(deprivations) < K);
    }

    /// <summary>
    /// Category of a household known by its B1 score taken under <paramref name="scoreTable"/>, or null when the standard
    /// cannot compare it (<see cref="HouseholdClassifier.TakesScore"/>: no thresholds, or thresholds of another table).
    /// </summary>
    public HouseholdCategory? CategorizeScore(int score, string? scoreTable, AreaType area, uint deprivations)
    {
        if (!HouseholdClassifier.TakesScore(Standard, area, scoreTable))
        {
            return null;
        }

        var scores = Standard.ScoreLinesFor(area)!;
        return PovertyRule.Decide(Standard.Shape.Value, score, scores.PovertyScore.Value, scores.NearPovertyScore?.Value, null,
            BitOperations.PopCount(deprivations), K).Category();
    }

    /// <summary>Branch-free area select: <paramref name="area"/> is 0 (rural) or 1 (urban), checked by the batch entry points.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal HouseholdCategory Categorize(long income, byte area, uint deprivations)
    {
        var urbanMask = -(long)area;
        return Categorize(
            income,
            _ruralP + (unchecked(_urbanP - _ruralP) & urbanMask),
            _ruralN + ((_urbanN - _ruralN) & urbanMask),
            _ruralM + ((_urbanM - _ruralM) & urbanMask),
            BitOperations.PopCount(deprivations) < K);
    }

    /// <summary>Branch-free: (b ≪ 1) + c + (¬b ∧ a ∧ e) with a = I &gt; p, b = I &gt; n, c = I &gt; m, e = D &lt; k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static HouseholdCategory Categorize(long income, long p, long n, long m, bool fewerThanK)
    {
        var a = Bit(income > p);
        var b = Bit(income > n);
        var c = Bit(income > m);
        var e = Bit(fewerThanK);
        return (HouseholdCategory)((b << 1) + c + ((b ^ 1) & a & e));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bit(bool value) => Unsafe.BitCast<bool, byte>(value);

    private static (long P, long N, long M) Thresholds(RuleShape shape, IncomeLines lines)
    {
        var (p, n) = shape switch
        {
            RuleShape.TwoLines => (lines.PovertyLine.Value, lines.NearPovertyLine?.Value ?? lines.PovertyLine.Value),
            RuleShape.OneLine => (long.MinValue, lines.PovertyLine.Value),
        };
        return (p, n, lines.MediumUpperBound?.Value ?? n);
    }
}
