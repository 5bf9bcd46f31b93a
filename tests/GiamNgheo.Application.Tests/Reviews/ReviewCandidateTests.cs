using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reviews;

/// <summary>Adding a household to a review list by its code or a name search (diacritics ignored), never by internal id (issue 16).</summary>
public class ReviewCandidateTests
{
    private static Task<T> Run<T>(TestDatabase db, Func<ReviewCommands, Task<T>> action) => db.RunAsync(sp => action(sp.GetRequiredService<ReviewCommands>()));

    private static async Task<HouseholdDetail> CreateAsync(TestDatabase db, string head, string commune = Samples.CommuneA, string? member = null)
    {
        MemberInput[] members = member is null ? [Samples.Head(head, personalId: null)] : [Samples.Head(head, personalId: null), Samples.Child(member)];
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(Samples.Household(commune, head, members: members), default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        return created.Value!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AddHousehold_ByCodeOrNameSearch_OnlyTheCommunesHouseholds(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var an = await CreateAsync(db, "Nguyễn Văn Ân");
        var binh = await CreateAsync(db, "Lò Thị Hoa", member: "Nguyễn Văn Ánh");
        var other = await CreateAsync(db, "Lò Văn Chiến");
        var elsewhere = await CreateAsync(db, "Nguyễn Văn Ấn", Samples.CommuneB);
        db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        db.Clock.Now = new DateTimeOffset(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);
        var campaign = await Run(db, c => c.OpenCampaignAsync(new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Regular, Month = 11 }, default));
        var id = Assert.Single((await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().OverviewAsync(campaign.Value!.Id, default)))!.Communes).CommuneReviewId;

        Task<IReadOnlyList<ReviewCandidate>?> FindAsync(string text) => db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().CandidatesAsync(id, text, default));

        // A name without diacritics finds heads and members of the commune only; the code finds its household.
        var found = (await FindAsync("nguyen van a"))!;
        Assert.Equal(new[] { an.Code, binh.Code }.Order(StringComparer.Ordinal), found.Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(found, f => f.Code == elsewhere.Code);
        Assert.Equal(other.Code, Assert.Single((await FindAsync(other.Code))!).Code);
        Assert.Empty((await FindAsync(elsewhere.Code))!);
        Assert.Empty((await FindAsync("   "))!);

        // Added by its code; then shown as listed; a second add names the household.
        var added = await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput
        {
            HouseholdCode = " " + an.Code + " ", Reason = ListingReason.Application, ApplicationDate = new DateOnly(2026, 11, 10), ReasonText = "Ốm đau kéo dài",
        }, default));
        Assert.Equal(ResultStatus.Ok, added.Status);
        Assert.Equal(an.Id, Assert.Single(added.Value!.Households).HouseholdId);
        Assert.True((await FindAsync(an.Code))![0].Listed);
        var again = await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput { HouseholdCode = an.Code, Reason = ListingReason.Manual, ReasonText = "x" }, default));
        Assert.Equal(ResultStatus.Invalid, again.Status);
        Assert.Contains("Nguyễn Văn Ân", again.Errors["householdCode"][0], StringComparison.Ordinal);

        // Another commune's code, an unknown code, no household chosen: refused, naming what is wrong.
        var outside = await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput { HouseholdCode = elsewhere.Code, Reason = ListingReason.Manual, ReasonText = "x" }, default));
        Assert.Equal($"Không có hộ mã {elsewhere.Code} trong xã này.", outside.Errors["householdCode"][0]);
        var none = await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput { Reason = ListingReason.Manual, ReasonText = "x" }, default));
        Assert.Equal("Chọn hộ cần thêm (tìm theo mã hộ hoặc họ tên).", none.Errors["householdId"][0]);

        // The application date's limit is named.
        var late = await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput
        {
            HouseholdCode = other.Code, Reason = ListingReason.Application, ApplicationDate = new DateOnly(2026, 11, 20), ReasonText = "x",
        }, default));
        Assert.Equal("Nhập ngày nộp Giấy đề nghị (Mẫu 01), không sau hôm nay (16/11/2026).", late.Errors["applicationDate"][0]);

        // A provincial officer of another province sees nothing.
        db.User.Become("tinh-khac", Roles.ProvincialOfficer, "01", AdminLevel.Province);
        Assert.Null(await FindAsync("nguyen"));
    }
}
