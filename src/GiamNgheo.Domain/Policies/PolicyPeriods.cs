namespace GiamNgheo.Domain.Policies;

/// <summary>The benefit period a delivery date falls in (for duplicates and the "current period" of gaps).</summary>
public static class PolicyPeriods
{
    /// <summary>First day of the period containing <paramref name="date"/>; <see cref="DateOnly.MinValue"/> for once-only benefits.</summary>
    public static DateOnly Start(BenefitPeriod period, DateOnly date) => period switch
    {
        BenefitPeriod.Once => DateOnly.MinValue,
        BenefitPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        BenefitPeriod.Quarter => new DateOnly(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1),
        BenefitPeriod.Year => new DateOnly(date.Year, 1, 1),
    };

    /// <summary>Last day of the period containing <paramref name="date"/>; <see cref="DateOnly.MaxValue"/> for once-only benefits.</summary>
    public static DateOnly End(BenefitPeriod period, DateOnly date) => period switch
    {
        BenefitPeriod.Once => DateOnly.MaxValue,
        BenefitPeriod.Month => Start(period, date).AddMonths(1).AddDays(-1),
        BenefitPeriod.Quarter => Start(period, date).AddMonths(3).AddDays(-1),
        BenefitPeriod.Year => new DateOnly(date.Year, 12, 31),
    };

    public static bool SamePeriod(BenefitPeriod period, DateOnly a, DateOnly b) => Start(period, a) == Start(period, b);

    public static string ToVietnamese(this BenefitPeriod period) => period switch
    {
        BenefitPeriod.Once => "một lần",
        BenefitPeriod.Month => "tháng",
        BenefitPeriod.Quarter => "quý",
        BenefitPeriod.Year => "năm",
    };

    public static string ToVietnamese(this BenefitUnit unit) => unit switch
    {
        BenefitUnit.Household => "hộ",
        BenefitUnit.Person => "người",
    };
}
