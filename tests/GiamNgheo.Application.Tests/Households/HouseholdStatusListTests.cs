using System.Text;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Exports;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Statuses;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Application.Tests.Support;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Statuses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Households;

/// <summary>The household list's status of a review year (issue 16): the one rule, the status filter in SQL + rule, and the export of the filtered list.</summary>
public class HouseholdStatusListTests
{
    private static async Task<HouseholdDetail> CreateAsync(TestDatabase db, string head, string? personalId)
    {
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(
            Samples.Household(head: head, members: [Samples.Head(head, personalId)]), default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        return created.Value!;
    }

    private static Task<Page<HouseholdListItem>> ListAsync(TestDatabase db, string? category, int year = 2025) =>
        db.RunAsync(sp => sp.GetRequiredService<HouseholdQueries>().ListAsync(
            new HouseholdListQuery(Samples.CommuneA, PageSize: 50) { Standard = "ND07_2021", Year = year, Category = category }, default));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StatusFilter_FollowsTheYearlyRule_CarriedOverIncluded(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.Now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        // Recognised poor in 2024 and no row in 2025: its 2025 status is poor, carried over.
        var carried = await CreateAsync(db, "Lò Văn Một", "011085000031");
        await SupportFixture.ClassifyAsync(db, carried, HouseholdCategory.Poor, "water", 2024);
        // Poor in 2024, computed near-poor in 2025 (no decision yet): near-poor, not poor.
        var escaped = await CreateAsync(db, "Lò Thị Hai", "011085000032");
        await SupportFixture.ClassifyAsync(db, escaped, HouseholdCategory.Poor, "water", 2024);
        await SupportFixture.ClassifyAsync(db, escaped, HouseholdCategory.NearPoor, string.Empty, 2025, recognised: false);
        // Never surveyed: "chưa rà soát", counted as not poor.
        var never = await CreateAsync(db, "Hờ A Ba", null);
        // Computed not poor in 2025.
        var rich = await CreateAsync(db, "Quàng Văn Bốn", null);
        await SupportFixture.ClassifyAsync(db, rich, HouseholdCategory.NotPoor, string.Empty, 2025, recognised: false);
        // Poor in 2026 only: later years never count for 2025.
        var later = await CreateAsync(db, "Giàng A Năm", null);
        await SupportFixture.ClassifyAsync(db, later, HouseholdCategory.Poor, "water", 2026, recognised: false);

        static long[] Ids(Page<HouseholdListItem> page) => [.. page.Items.Select(i => i.Id).Order()];
        var poor = await ListAsync(db, "poor");
        Assert.Equal([carried.Id], Ids(poor));
        Assert.Equal(1, poor.TotalCount);
        var status = poor.Items[0].Status!;
        Assert.Equal((HouseholdCategory.Poor, StatusSource.CarriedOver, 2024), (status.Status.Category, status.Status.Source, status.Status.ReviewYear!.Value));
        Assert.Equal("Hộ nghèo", status.CategoryVi);
        Assert.StartsWith("Giữ nguyên từ năm 2024, đã công nhận (QĐ số ", status.SourceDetailVi, StringComparison.Ordinal);

        Assert.Equal([escaped.Id], Ids(await ListAsync(db, "near_poor")));
        Assert.Equal([never.Id, later.Id], Ids(await ListAsync(db, HouseholdStatusQueries.NotSurveyedFilter)));
        Assert.Equal(new[] { never.Id, rich.Id, later.Id }.Order(), Ids(await ListAsync(db, "not_poor")));
        // In 2026 the 2024 list still carries over for the first; the last is poor from its 2026 survey.
        Assert.Equal([carried.Id, later.Id], Ids(await ListAsync(db, "poor", 2026)));

        // The list without a filter shows every household's status through the same rule as the household page.
        var all = await ListAsync(db, null);
        Assert.Equal(5, all.TotalCount);
        var byId = all.Items.ToDictionary(i => i.Id, i => i.Status!);
        Assert.Equal((HouseholdCategory.NearPoor, "Chưa công nhận"), (byId[escaped.Id].Status.Category, byId[escaped.Id].SourceDetailVi));
        Assert.Equal("Chưa rà soát", byId[never.Id].CategoryVi);
        var reference = await db.RunAsync(sp => sp.GetRequiredService<HouseholdStatusQueries>().ForReviewYearAsync(
            [carried.Id, escaped.Id, never.Id, rich.Id, later.Id], "ND07_2021", 2025, default));
        Assert.All(all.Items, i => Assert.Equal(reference[i.Id].Status, i.Status!.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExportList_FilteredByStatus_VietnameseHeadersMaskedIdsAudited(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.Now = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var poor = await CreateAsync(db, "Lò Văn Một", "011085000041");
        await SupportFixture.ClassifyAsync(db, poor, HouseholdCategory.Poor, "water", 2025);
        var other = await CreateAsync(db, "Lò Thị Hai", "011085000042");
        await SupportFixture.ClassifyAsync(db, other, HouseholdCategory.NotPoor, string.Empty, 2025);
        var query = new HouseholdListQuery(Samples.CommuneA) { Standard = "ND07_2021", Year = 2025, Category = "poor" };

        using var csv = new MemoryStream();
        var result = await db.RunAsync(sp => sp.GetRequiredService<HouseholdExporter>().ExportListAsync(query, "csv", csv, default));
        Assert.Equal((ResultStatus.Ok, 1L), (result.Status, result.Value));
        var text = Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("STT,Mã hộ,Chủ hộ,Số định danh chủ hộ,Xã/phường,Thôn/tổ dân phố,Địa chỉ,Số nhân khẩu,Tình trạng năm 2025,Nguồn phân loại", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Lò Văn Một", lines[1], StringComparison.Ordinal);
        Assert.Contains("Hộ nghèo", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("011085000041", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lò Thị Hai", text, StringComparison.Ordinal);

        using var xlsx = new MemoryStream();
        Assert.Equal(1L, (await db.RunAsync(sp => sp.GetRequiredService<HouseholdExporter>().ExportListAsync(query, "xlsx", xlsx, default))).Value);
        Assert.Equal((byte)'P', xlsx.ToArray()[0]);

        var audits = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking()
            .Where(a => a.Action == AuditActions.Export && a.EntityType == "Households").ToListAsync());
        Assert.Equal(2, audits.Count);
    }
}
