using GiamNgheo.Application.Households;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Households;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reports;

/// <summary>
/// Six households of province 11 classified under ND07_2021 in 2024 and 2025 (and QD59_2015 in 2025):
/// Sín Thầu (03158): h1 poor→poor (3 members, minority), h2 poor→near-poor (2), h3 not poor→poor (4), h4 medium in 2025 only (5);
/// Mường Nhé (03160): h5 near-poor→poor (1), h6 not poor in 2025 (2).
/// </summary>
internal static class ReportsTestData
{
    public const string Nd07 = "ND07_2021";
    public const string Qd59 = "QD59_2015";

    public static async Task<long[]> SeedAsync(TestDatabase db)
    {
        return await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var plan = new (string Commune, int Members, SpecialGroups Groups, HouseholdCategory? In2024, HouseholdCategory In2025, HouseholdCategory Qd59)[]
            {
                (Samples.CommuneA, 3, SpecialGroups.EthnicMinority, HouseholdCategory.Poor, HouseholdCategory.Poor, HouseholdCategory.Poor),
                (Samples.CommuneA, 2, SpecialGroups.NoLabourCapacity, HouseholdCategory.Poor, HouseholdCategory.NearPoor, HouseholdCategory.NotPoor),
                (Samples.CommuneA, 4, SpecialGroups.EthnicMinority | SpecialGroups.FemaleHead, HouseholdCategory.NotPoor, HouseholdCategory.Poor, HouseholdCategory.NotPoor),
                (Samples.CommuneA, 5, SpecialGroups.None, null, HouseholdCategory.Medium, HouseholdCategory.NotPoor),
                (Samples.CommuneB, 1, SpecialGroups.RevolutionaryMerit, HouseholdCategory.NearPoor, HouseholdCategory.Poor, HouseholdCategory.NotPoor),
                (Samples.CommuneB, 2, SpecialGroups.None, null, HouseholdCategory.NotPoor, HouseholdCategory.NotPoor),
            };
            var households = new List<HouseholdEntity>();
            for (var i = 0; i < plan.Length; i++)
            {
                var p = plan[i];
                var h = new HouseholdEntity
                {
                    ProvinceCode = "11",
                    CommuneCode = p.Commune,
                    Code = "T" + (i + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture),
                    HeadName = "Chủ hộ " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Groups = p.Groups,
                };
                for (var m = 0; m < p.Members; m++)
                {
                    h.Members.Add(new MemberEntity
                    {
                        ProvinceCode = "11",
                        Order = m + 1,
                        FullName = m == 0 ? h.HeadName : "Thành viên " + m.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Sex = m % 2 == 0 ? Sex.Male : Sex.Female,
                        DateOfBirth = m == 0 ? new DateOnly(1980, 1, 1) : new DateOnly(2015, 6, 1),
                        EthnicityCode = (p.Groups & SpecialGroups.EthnicMinority) != 0 ? "03" : "01",
                        RelationToHead = m == 0 ? RelationToHead.Head : RelationToHead.Child,
                        HasHealthInsurance = m != 1,
                        Schooling = m == 2 ? Schooling.NotInSchool : Schooling.InSchool,
                    });
                }

                households.Add(h);
                ctx.Households.Add(h);
            }

            await ctx.SaveChangesAsync();
            for (var i = 0; i < plan.Length; i++)
            {
                var p = plan[i];
                var h = households[i];
                if (p.In2024 is { } before)
                {
                    ctx.HouseholdClassifications.Add(Row(h, 2024, Nd07, before, p.Members));
                }

                ctx.HouseholdClassifications.Add(Row(h, 2025, Nd07, p.In2025, p.Members));
                ctx.HouseholdClassifications.Add(Row(h, 2025, Qd59, p.Qd59, p.Members));
                ctx.HouseholdSurveys.Add(new HouseholdSurveyEntity
                {
                    HouseholdId = h.Id,
                    ProvinceCode = "11",
                    Year = 2025,
                    Causes = i % 2 == 0 ? PovertyCauses.Land | PovertyCauses.Capital : PovertyCauses.Illness,
                    Needs = SupportNeeds.Credit,
                });
            }

            await ctx.SaveChangesAsync();
            return households.Select(h => h.Id).ToArray();
        });
    }

    private static HouseholdClassificationEntity Row(HouseholdEntity h, int year, string standard, HouseholdCategory category, int members) => new()
    {
        HouseholdId = h.Id,
        ProvinceCode = h.ProvinceCode,
        CommuneCode = h.CommuneCode,
        VillageCode = h.VillageCode,
        Year = year,
        StandardCode = standard,
        Category = category,
        DeprivationCount = category == HouseholdCategory.Poor ? 3 : 1,
        Deprived = category == HouseholdCategory.Poor ? "health_insurance;housing_quality;water" : "water",
        MemberCount = members,
    };
}
