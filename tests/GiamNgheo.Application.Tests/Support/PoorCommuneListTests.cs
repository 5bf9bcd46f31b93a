using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Support;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Support;

public class PoorCommuneListTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_Sample_MakesAreaPoliciesEligibleAndRecomputesGaps(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // Medium, ethnic minority (ethnicity 03): VBSP_OVERSEAS only through its "ethnic minority in a poor commune" clause.
        var h = await SupportFixture.HouseholdAsync(db, "Giàng A Lử", HouseholdCategory.Medium, personalId: "011085000401");
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        async Task<bool> EligibleAsync() => (await db.RunAsync(sp => sp.GetRequiredService<SupportGaps>().ForHouseholdAsync(h.Id, default))).Value!
            .Policies.Single(p => p.PolicyCode == "VBSP_OVERSEAS").Eligible;
        Assert.False(await EligibleAsync());

        var result = await db.RunAsync(sp => sp.GetRequiredService<PoorCommuneList>().ImportAsync(PoorCommuneList.SampleCsv(), default));
        Assert.True(result.Value!.Committed);
        Assert.Equal(2, result.Value.Rows);
        Assert.True(result.Value.HouseholdsRecomputed >= 1);
        Assert.True(await EligibleAsync());
        var list = await db.RunAsync(sp => sp.GetRequiredService<PoorCommuneList>().ListAsync("11", default));
        Assert.Equal([Samples.CommuneA, Samples.CommuneB], list.Select(r => r.CommuneCode));
        Assert.All(list, r => Assert.Equal("M", r.Mark));

        // Replacing the list with one commune only: the other leaves it.
        var replaced = await db.RunAsync(sp => sp.GetRequiredService<PoorCommuneList>().ImportAsync(
            "ma_tinh,ma_xa,loai,tu_ngay\n11," + Samples.CommuneB + ",extremely_difficult,01/01/2026\n", default));
        Assert.True(replaced.Value!.Committed);
        Assert.False(await EligibleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_BadRowsOrNotAdministrator_NothingWritten(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var bad = await db.RunAsync(sp => sp.GetRequiredService<PoorCommuneList>().ImportAsync(
            "ma_tinh,ma_xa,loai,tu_ngay,den_ngay\n11," + Samples.CommuneA + ",poor,2022-01-01,\n11,99999,poor,,\n11," + Samples.CommuneB + ",nghèo,,\n11," + Samples.CommuneB + ",poor,2026-01-01,2025-01-01\n", default));
        Assert.False(bad.Value!.Committed);
        Assert.Equal(3, bad.Value.Errors.Count);
        Assert.Contains(bad.Value.Errors, e => e.StartsWith("Dòng 3:", StringComparison.Ordinal) && e.Contains("99999", StringComparison.Ordinal));
        Assert.Empty(await db.RunAsync(sp => sp.GetRequiredService<PoorCommuneList>().ListAsync(null, default)));

        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        Assert.Equal(ResultStatus.Forbidden, (await db.RunAsync(sp => sp.GetRequiredService<PoorCommuneList>().ImportAsync(PoorCommuneList.SampleCsv(), default))).Status);
    }
}
