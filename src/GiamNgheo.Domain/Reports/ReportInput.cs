using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Statuses;

namespace GiamNgheo.Domain.Reports;

/// <summary>A row unit of a report (a village of a commune report, a commune of a province report).</summary>
public sealed record ReportUnit(string Code, string Name);

/// <summary>A coded item of a multi-select list (cause of poverty, support need) held as one bit of a flag set.</summary>
public sealed record ReportCode(int Bit, string Code, string NameVi);

/// <summary>An indicator column of the deprivation forms (4–7), in the standard's order.</summary>
public sealed record ReportIndicator(string Code, string NameVi);

/// <summary>A member line of the detailed lists (forms 14, 15).</summary>
public sealed record ReportMember(int Order, string FullName, int BirthYear, Sex Sex, string EthnicityName, string RelationVi);

/// <summary>
/// One household as the report forms see it: its category under the report's standard in the report year and in the
/// year before (null = not on that year's registry), and the facts the forms count. Built by the application from the
/// classification, household, member and survey rows; the forms never read anything else.
/// </summary>
public sealed record ReportHousehold
{
    public required long HouseholdId { get; init; }
    public string HouseholdCode { get; init; } = string.Empty;
    /// <summary>The code of the <see cref="ReportUnit"/> this household is counted in.</summary>
    public required string UnitCode { get; init; }
    /// <summary>Status category in the report year; null when the household is no longer resident on the reporting date (moved away, dissolved).</summary>
    public HouseholdCategory? Category { get; init; }
    /// <summary>Status category in the year before; null when it was not resident on last year's reporting date (moved in, split).</summary>
    public HouseholdCategory? PreviousCategory { get; init; }
    /// <summary>Was poor earlier in the standard's period and left poverty before the previous year's list (tái nghèo test).</summary>
    public bool EscapedPoorEarlierInPeriod { get; init; }
    /// <summary>Was near-poor earlier in the standard's period and rose above it before the previous year's list.</summary>
    public bool EscapedNearPoorEarlierInPeriod { get; init; }
    public int MemberCount { get; init; }
    public int PreviousMemberCount { get; init; }
    public SpecialGroups Groups { get; init; }
    /// <summary>Ethnic group code (01–54) of the head; null when unknown.</summary>
    public string? HeadEthnicityCode { get; init; }
    /// <summary>Causes of poverty as bits of <see cref="ReportContext.Causes"/>.</summary>
    public int Causes { get; init; }
    /// <summary>Support needs as bits of <see cref="ReportContext.Needs"/>.</summary>
    public int Needs { get; init; }
    /// <summary>Deprived indicator codes under the report's standard in the report year.</summary>
    public IReadOnlyList<string> Deprived { get; init; } = [];
    /// <summary>Children (under 16 at the end of the year).</summary>
    public int Children { get; init; }
    /// <summary>Children deprived in health (no health insurance, or malnourished when recorded).</summary>
    public int ChildrenHealthDeprived { get; init; }
    /// <summary>Children of school age not attending school.</summary>
    public int ChildrenEducationDeprived { get; init; }
    /// <summary>The category was made official by a recognition decision (not used by the forms; targets count it).</summary>
    public bool Recognised { get; init; }
    /// <summary>
    /// Where <see cref="Category"/> comes from (<see cref="HouseholdStatusRules.ForReviewYear"/>): recognised, computed,
    /// carried over from an earlier year, or not surveyed (counted as not poor). Every resident household has one.
    /// </summary>
    public StatusSource Source { get; init; }
    /// <summary>
    /// The classification left an indicator of the standard unanswered (e.g. a QĐ 59-only indicator on an NĐ 07
    /// questionnaire): <see cref="Category"/> counts it as not deprived, <see cref="PessimisticCategory"/> as deprived.
    /// </summary>
    public bool Incomplete { get; init; }
    /// <summary>The category if every unanswered indicator were deprived (set for incomplete households).</summary>
    public HouseholdCategory? PessimisticCategory { get; init; }
    /// <summary>Members, only needed by the detailed lists.</summary>
    public IReadOnlyList<ReportMember> Members { get; init; } = [];

    public bool IsMinority => (Groups & SpecialGroups.EthnicMinority) != 0;

    /// <summary>The household's movement on <paramref name="list"/> (Poor or NearPoor) by the one rule (<see cref="Movements"/>).</summary>
    public Movement MovementOn(HouseholdCategory list) =>
        Movements.Of(list, PreviousCategory, Category, list == HouseholdCategory.Poor ? EscapedPoorEarlierInPeriod : EscapedNearPoorEarlierInPeriod);
}

/// <summary>Everything a form needs besides the households: the unit, year, standard and the coded lists as data.</summary>
public sealed record ReportContext
{
    public required string UnitCode { get; init; }
    public required string UnitName { get; init; }
    public required int Year { get; init; }
    public required string StandardCode { get; init; }
    public string StandardName { get; init; } = string.Empty;
    /// <summary>The report rows, in order (villages of a commune, communes of a province).</summary>
    public required IReadOnlyList<ReportUnit> Units { get; init; }
    public IReadOnlyList<ReportIndicator> Indicators { get; init; } = [];
    public IReadOnlyList<ReportCode> Causes { get; init; } = [];
    public IReadOnlyList<ReportCode> Needs { get; init; } = [];
    /// <summary>Ethnic group code → name.</summary>
    public IReadOnlyDictionary<string, string> EthnicNames { get; init; } = new Dictionary<string, string>();
}
