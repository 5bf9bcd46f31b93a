using GiamNgheo.Application.Households;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Support;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Support;

/// <summary>Households of a crafted commune with a 2025 classification under ND07_2021, recognised by a decision unless told otherwise.</summary>
internal static class SupportFixture
{
    public static async Task<HouseholdDetail> HouseholdAsync(TestDatabase db, string head, HouseholdCategory category, string deprived = "",
        string commune = Samples.CommuneA, SupportNeeds needs = SupportNeeds.None, string? personalId = null, int year = 2025, params MemberInput[] extra)
    {
        var members = new List<MemberInput> { Samples.Head(head, personalId) };
        members.AddRange(extra);
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(
            Samples.Household(commune, head, members: [.. members]), default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        var household = created.Value!;
        await ClassifyAsync(db, household, category, deprived, year, needs);
        return household;
    }

    public static async Task ClassifyAsync(TestDatabase db, HouseholdDetail household, HouseholdCategory category, string deprived, int year,
        SupportNeeds needs = SupportNeeds.None, bool recognised = true)
    {
        await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            ctx.HouseholdClassifications.Add(new HouseholdClassificationEntity
            {
                HouseholdId = household.Id,
                ProvinceCode = household.ProvinceCode,
                CommuneCode = household.CommuneCode,
                VillageCode = household.VillageCode,
                Year = year,
                StandardCode = "ND07_2021",
                Category = category,
                Deprived = deprived,
                DeprivationCount = deprived.Split(';', StringSplitOptions.RemoveEmptyEntries).Length,
                MemberCount = 1,
                ComputedAtUtc = new DateTime(year, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            });
            ctx.HouseholdSurveys.Add(new HouseholdSurveyEntity { HouseholdId = household.Id, ProvinceCode = household.ProvinceCode, Year = year, Needs = needs });
            var saved = await ctx.SaveChangesAsync();
            if (recognised)
            {
                // Entitlements follow the recognised list: a regular-review decision signed the day the result was computed.
                await Recognition.RecogniseAsync(ctx, [household.Id], year, new DateOnly(year, 11, 1), Domain.Reviews.CampaignKind.Regular,
                    $"{household.Id}-{year}/QĐ-UBND");
            }

            // Written directly (as the classification service would): refresh the materialised gaps like its callers do.
            await ctx.RefreshGapsAsync([household.Id], default);
            return saved;
        });
    }
}
