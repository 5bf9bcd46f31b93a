using System.Globalization;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Domain.Policies;

/// <summary>What eligibility is decided on: the household's categories per standard, flags, area and history.</summary>
public sealed record PolicyFacts
{
    /// <summary>Category per standard code for the review year in force (a household may have none yet).</summary>
    public required IReadOnlyDictionary<string, HouseholdCategory> Categories { get; init; }
    public SpecialGroups Groups { get; init; }
    public AreaType Area { get; init; }
    /// <summary>The day the household left the poor or near-poor list (recognised), if it did.</summary>
    public DateOnly? EscapedOn { get; init; }
    public bool InPoorCommune { get; init; }
    /// <summary>Deprived indicator codes under the policy's standard.</summary>
    public IReadOnlySet<string> Deprived { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

public sealed record EligibilityResult(bool Eligible, string ReasonVi, EligibilityClause? MatchedClause);

/// <summary>Decides whether a household is eligible for a policy on a day, with the reason in Vietnamese.</summary>
public static class PolicyEligibility
{
    public static EligibilityResult Evaluate(Policy policy, PolicyFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);
        if (!policy.AppliesOn(asOf))
        {
            return new(false, string.Create(CultureInfo.InvariantCulture,
                $"Chính sách không còn/chưa có hiệu lực ngày {asOf:dd/MM/yyyy} (hiệu lực {policy.ValidFrom:dd/MM/yyyy}–{(policy.ValidTo is { } to ? to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "nay")})."), null);
        }

        HouseholdCategory? category = facts.Categories.TryGetValue(policy.StandardCode, out var c) ? c : null;
        var failures = new List<string>();
        foreach (var clause in policy.Eligibility)
        {
            var failure = Check(clause, category, facts, asOf, policy.StandardCode);
            if (failure is null)
            {
                return new(true, "Đủ điều kiện: " + Describe(clause, category, policy.StandardCode) + ".", clause);
            }

            failures.Add(failure);
        }

        var why = failures.Count == 0 ? "chính sách chưa khai báo điều kiện" : string.Join("; ", failures.Distinct());
        return new(false, "Không đủ điều kiện: " + why + ".", null);
    }

    /// <summary>Eligibility without the reason (for lists over many households); same rules as <see cref="Evaluate"/>.</summary>
    public static bool IsEligible(Policy policy, PolicyFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);
        if (!policy.AppliesOn(asOf))
        {
            return false;
        }

        HouseholdCategory? category = facts.Categories.TryGetValue(policy.StandardCode, out var c) ? c : null;
        foreach (var clause in policy.Eligibility)
        {
            if (Matches(clause, category, facts, asOf))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(EligibilityClause clause, HouseholdCategory? category, PolicyFacts facts, DateOnly asOf)
    {
        var byCategory = clause.Categories.Count > 0 && category is { } cat && clause.Categories.Contains(cat)
            || (clause.Categories.Count == 0 && clause.EscapedWithinYears is null);
        var byEscape = clause.EscapedWithinYears is { } years && facts.EscapedOn is { } escaped && escaped <= asOf && escaped.AddYears(years) >= asOf;
        return (byCategory || byEscape)
            && (facts.Groups & clause.RequiredGroups) == clause.RequiredGroups
            && (clause.Area is not { } area || facts.Area == area)
            && (!clause.PoorCommuneOnly || facts.InPoorCommune)
            && (clause.AnyDeprivation.Count == 0 || clause.AnyDeprivation.Any(facts.Deprived.Contains));
    }

    private static string? Check(EligibilityClause clause, HouseholdCategory? category, PolicyFacts facts, DateOnly asOf, string standard)
    {
        var byCategory = clause.Categories.Count == 0 || (category is { } cat && clause.Categories.Contains(cat));
        var byEscape = clause.EscapedWithinYears is { } years && facts.EscapedOn is { } escaped
            && escaped <= asOf && escaped.AddYears(years) >= asOf;
        if (clause.EscapedWithinYears is not null && clause.Categories.Count == 0)
        {
            byCategory = false;
        }

        if (!byCategory && !byEscape)
        {
            if (clause.Categories.Count > 0 && category is null)
            {
                return $"chưa có kết quả phân loại theo {StandardVi(standard)}";
            }

            var parts = new List<string>();
            if (clause.Categories.Count > 0)
            {
                parts.Add("không phải " + string.Join(" hoặc ", clause.Categories.Select(x => x.ToVietnamese().ToLowerInvariant())) + $" theo {StandardVi(standard)}");
            }

            if (clause.EscapedWithinYears is { } y)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"không thoát nghèo/cận nghèo trong {y} năm gần đây"));
            }

            return string.Join(", ", parts);
        }

        if ((facts.Groups & clause.RequiredGroups) != clause.RequiredGroups)
        {
            return "không thuộc nhóm " + GroupsVi(clause.RequiredGroups & ~facts.Groups);
        }

        if (clause.Area is { } area && facts.Area != area)
        {
            return "không ở khu vực " + area.ToVietnamese().ToLowerInvariant();
        }

        if (clause.PoorCommuneOnly && !facts.InPoorCommune)
        {
            return "không thuộc xã/huyện nghèo";
        }

        if (clause.AnyDeprivation.Count > 0 && !clause.AnyDeprivation.Any(facts.Deprived.Contains))
        {
            return "không thiếu hụt " + string.Join(" hoặc ", clause.AnyDeprivation.Select(IndicatorVi));
        }

        return null;
    }

    /// <summary>"chuẩn nghèo tại Nghị định 07/2021/NĐ-CP" for ND07_2021 (from the shipped standards data); a standard not shipped keeps its code.</summary>
    private static string StandardVi(string code) =>
        Standards.StandardCatalog.Find(code) is { } s ? "chuẩn nghèo tại " + s.LegalDocument : "chuẩn " + code;

    /// <summary>An indicator's Vietnamese name in lower case ("việc làm"), from the shipped standards; else its code.</summary>
    private static string IndicatorVi(string code)
    {
        var name = Standards.StandardCatalog.All.SelectMany(s => s.Indicators).FirstOrDefault(i => i.Code == code)?.NameVi;
        return name is { Length: > 0 } ? char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..] : code;
    }

    private static string Describe(EligibilityClause clause, HouseholdCategory? category, string standard)
    {
        var parts = new List<string>();
        if (category is { } cat && clause.Categories.Contains(cat))
        {
            parts.Add($"{cat.ToVietnamese().ToLowerInvariant()} theo {StandardVi(standard)}");
        }
        else if (clause.EscapedWithinYears is { } years)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"thoát nghèo/cận nghèo trong {years} năm gần đây"));
        }
        else
        {
            parts.Add("mọi hộ");
        }

        if (clause.RequiredGroups != SpecialGroups.None)
        {
            parts.Add(GroupsVi(clause.RequiredGroups));
        }

        if (clause.Area is { } area)
        {
            parts.Add(area.ToVietnamese().ToLowerInvariant());
        }

        if (clause.PoorCommuneOnly)
        {
            parts.Add("ở xã/huyện nghèo");
        }

        if (clause.AnyDeprivation.Count > 0)
        {
            parts.Add("thiếu hụt " + string.Join(" hoặc ", clause.AnyDeprivation.Select(IndicatorVi)));
        }

        return string.Join(", ", parts);
    }

    public static string GroupsVi(SpecialGroups groups)
    {
        var names = new List<string>();
        foreach (var flag in Enum.GetValues<SpecialGroups>())
        {
            if (flag != SpecialGroups.None && groups.HasFlag(flag))
            {
                names.Add(flag switch
                {
                    SpecialGroups.None => string.Empty,
                    SpecialGroups.EthnicMinority => "hộ dân tộc thiểu số",
                    SpecialGroups.LocalIndigenousMinority => "hộ dân tộc tại chỗ",
                    SpecialGroups.NoLabourCapacity => "hộ không có khả năng lao động",
                    SpecialGroups.RevolutionaryMerit => "hộ có người có công",
                    SpecialGroups.SocialProtection => "hộ có đối tượng bảo trợ xã hội",
                    SpecialGroups.FemaleHead => "chủ hộ là nữ",
                });
            }
        }

        return string.Join(", ", names);
    }
}
