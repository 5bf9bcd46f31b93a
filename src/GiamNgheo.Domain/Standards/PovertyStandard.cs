using GiamNgheo.Domain.Common;

namespace GiamNgheo.Domain.Standards;

/// <summary>
/// A multidimensional poverty standard (chuẩn nghèo đa chiều) as data: income lines per area type, the rule
/// shape, the deprivation count k and the indicators. A local standard (chuẩn nghèo của tỉnh) is a copy of a
/// national one with a <see cref="ProvinceCode"/> and overridden values (docs/domain.md §2.6).
/// </summary>
public sealed record PovertyStandard
{
    /// <summary>The most indicators a standard may have: deprivations are held as a 32-bit mask.</summary>
    public const int MaxIndicators = 32;

    /// <summary>E.g. <c>ND07_2021</c>; a public contract (CLI, API, reports).</summary>
    public required string Code { get; init; }

    public required string NameVi { get; init; }

    public required string NameEn { get; init; }

    /// <summary>The legal document, e.g. "Nghị định 07/2021/NĐ-CP ngày 27/01/2021".</summary>
    public required Marked<string> LegalBasis { get; init; }

    /// <summary>The legal document in short, as offices cite it: "Nghị định 07/2021/NĐ-CP" (the legal basis up to its date).</summary>
    public string LegalDocument
    {
        get
        {
            var basis = LegalBasis.Value;
            var at = basis.IndexOf(" ngày ", StringComparison.Ordinal);
            return at > 0 ? basis[..at] : basis;
        }
    }

    /// <summary>How users read the standard, never its code: "Chuẩn nghèo đa chiều giai đoạn 2022-2025 (Nghị định 07/2021/NĐ-CP)".</summary>
    public string LabelVi => $"{NameVi} ({LegalDocument})";

    public string LabelEn => $"{NameEn} ({LegalDocument})";

    /// <summary>The article that sets the classification rule, cited in every decision (Vietnamese).</summary>
    public required Marked<string> RuleArticle { get; init; }

    /// <summary>First day of the years the standard is applied (inclusive).</summary>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>Last day of the years the standard is applied (inclusive).</summary>
    public required DateOnly ValidTo { get; init; }

    /// <summary>True while the source of the standard is not verified against the legal text.</summary>
    public bool IsProvisional { get; init; }

    /// <summary>Province code of a local standard; null for a national one.</summary>
    public string? ProvinceCode { get; init; }

    /// <summary>The national standard a local one copies; null for a national one.</summary>
    public string? BaseStandardCode { get; init; }

    public required Marked<RuleShape> Shape { get; init; }

    /// <summary>k: deprivations at or above which a household at or below the line is poor.</summary>
    public required Marked<int> DeprivationThreshold { get; init; }

    public required IncomeLines Rural { get; init; }

    public required IncomeLines Urban { get; init; }

    /// <summary>
    /// The B1 score table (<see cref="ScoreTables"/>) the score thresholds belong to. A B1 score is compared with this
    /// standard's thresholds only when it was taken under the same table; null (a file that does not say) = never.
    /// </summary>
    public Marked<string>? B1ScoreTable { get; init; }

    /// <summary>B1 score thresholds for rural households, where known.</summary>
    public ScoreLines? RuralScores { get; init; }

    /// <summary>B1 score thresholds for urban households, where known.</summary>
    public ScoreLines? UrbanScores { get; init; }

    /// <summary>In the order of the standard's annex; bit i of a deprivation mask is indicator i.</summary>
    public required IReadOnlyList<Indicator> Indicators { get; init; }

    /// <summary>Free notes for administrators (open questions, differences from the draft).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<Dimension> Dimensions =>
        Indicators.Select(i => i.Dimension).DistinctBy(d => d.Code).ToList();

    public IncomeLines IncomeLinesFor(AreaType area) => area switch
    {
        AreaType.Rural => Rural,
        AreaType.Urban => Urban,
    };

    public ScoreLines? ScoreLinesFor(AreaType area) => area switch
    {
        AreaType.Rural => RuralScores,
        AreaType.Urban => UrbanScores,
    };

    public bool AppliesOn(DateOnly date) => ValidFrom <= date && date <= ValidTo;

    /// <summary>Position of the indicator (its bit in a deprivation mask), or -1.</summary>
    public int IndexOf(string indicatorCode)
    {
        for (var i = 0; i < Indicators.Count; i++)
        {
            if (string.Equals(Indicators[i].Code, indicatorCode, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Checks the invariants a loaded or edited standard must keep; throws <see cref="ArgumentException"/>.</summary>
    public PovertyStandard Validated()
    {
        Require(!string.IsNullOrWhiteSpace(Code), "code is empty");
        Require(ValidFrom <= ValidTo, "valid_from is after valid_to");
        Require(Indicators.Count is > 0 and <= MaxIndicators, $"a standard has 1 to {MaxIndicators} indicators");
        Require(Indicators.Select(i => i.Code).Distinct(StringComparer.Ordinal).Count() == Indicators.Count, "indicator codes repeat");
        Require(DeprivationThreshold.Value >= 0 && DeprivationThreshold.Value <= Indicators.Count, "k is outside 0..number of indicators");
        Require((ProvinceCode is null) == (BaseStandardCode is null), "a local standard needs both province_code and base_standard");
        foreach (var lines in new[] { Rural, Urban })
        {
            var hasNearLine = lines.NearPovertyLine is not null;
            Require(hasNearLine == (Shape.Value == RuleShape.TwoLines), "the near-poverty line exists exactly for the two-line shape");
        }

        foreach (var scores in new[] { RuralScores, UrbanScores })
        {
            if (scores is not null)
            {
                var hasNearScore = scores.NearPovertyScore is not null;
                Require(hasNearScore == (Shape.Value == RuleShape.TwoLines), "the near-poverty B1 score exists exactly for the two-line shape");
            }
        }

        return this;

        void Require(bool condition, string reason)
        {
            if (!condition)
            {
                throw new ArgumentException($"Standard {Code}: {reason}.");
            }
        }
    }

    /// <summary>
    /// A local standard of <paramref name="provinceCode"/> copying this national one; override values with
    /// <c>with { Rural = …, Urban = … }</c>.
    /// </summary>
    public PovertyStandard ToLocal(string code, string provinceCode, string nameVi, string nameEn, Marked<string> legalBasis)
    {
        if (ProvinceCode is not null)
        {
            throw new InvalidOperationException($"{Code} is already a local standard.");
        }

        return this with
        {
            Code = code,
            ProvinceCode = provinceCode,
            BaseStandardCode = Code,
            NameVi = nameVi,
            NameEn = nameEn,
            LegalBasis = legalBasis,
        };
    }
}
