using System.Text;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Audit;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Households;

public class HouseholdCommandsTests
{
    private static Task<Result<HouseholdDetail>> Create(TestDatabase db, HouseholdInput input) =>
        db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(input, default));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_NamesInDecomposedForm_StoredAsNfcAndFoundWithoutDiacritics(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var decomposed = "Nguyễn Văn An".Normalize(NormalizationForm.FormD);
        var result = await Create(db, Samples.Household(head: "  " + decomposed + " ", members: Samples.Head(decomposed)));

        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal("Nguyễn Văn An", result.Value!.HeadName);
        Assert.True(result.Value.HeadName.IsNormalized(NormalizationForm.FormC));
        var page = await db.RunAsync(sp => sp.GetRequiredService<HouseholdQueries>().ListAsync(new HouseholdListQuery(Search: "nguyen van an"), default));
        var item = Assert.Single(page.Items);
        Assert.Equal("0110******34", item.HeadPersonalIdMasked);
        Assert.Equal(SpecialGroups.EthnicMinority, result.Value.Groups); // head is Thái (03)
        Assert.Equal("rural", result.Value.AreaType);
        Assert.Matches("^03158-\\d{6}$", result.Value.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_InvalidInput_NamesEachFieldInVietnameseAndSavesNothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bad = Samples.Head() with { PersonalId = "12345", EthnicityCode = "77", DateOfBirth = new DateOnly(2027, 1, 1) };
        var result = await Create(db, Samples.Household(head: " ", members: bad));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("headName", result.Errors.Keys);
        Assert.Contains("members[0].personalId", result.Errors.Keys);
        Assert.Contains("members[0].ethnicityCode", result.Errors.Keys);
        Assert.Contains("members[0].dateOfBirth", result.Errors.Keys);
        Assert.Contains("12 chữ số", result.Errors["members[0].personalId"][0]);
        Assert.Equal(0, await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().Households.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_SamePersonalIdInAnotherHousehold_Refused(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(ResultStatus.Ok, (await Create(db, Samples.Household(members: Samples.Head()))).Status);
        var second = await Create(db, Samples.Household(head: "Lò Văn Dũng", members: Samples.Head("Lò Văn Dũng")));
        Assert.Equal(ResultStatus.Invalid, second.Status);
        Assert.Contains("members[0].personalId", second.Errors.Keys);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_PreReformCommuneCode_MappedToTheNewCommuneAndOldCodeKept(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // 00013 Phường Quán Thánh (Ba Đình, Hà Nội) went wholly into 00004 Phường Ba Đình.
        var result = await Create(db, Samples.Household(commune: "00013", members: Samples.Head()));
        Assert.Equal(ResultStatus.Ok, result.Status);
        Assert.Equal("00004", result.Value!.CommuneCode);
        Assert.Equal("00013", result.Value.LegacyCommuneCode);
        Assert.Equal("01", result.Value.ProvinceCode);
        Assert.Equal("urban", result.Value.AreaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_CommuneOfficer_SeesOnlyOwnCommuneAndOthersAreNotFound(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = (await Create(db, Samples.Household(Samples.CommuneA, "Nguyễn Văn An", members: Samples.Head()))).Value!;
        var b = (await Create(db, Samples.Household(Samples.CommuneB, "Lò Văn Dũng", members: Samples.Head("Lò Văn Dũng", "011085005678")))).Value!;

        db.User.Become("xa-a", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        await using var scope = db.Scope();
        var queries = scope.ServiceProvider.GetRequiredService<HouseholdQueries>();
        var commands = scope.ServiceProvider.GetRequiredService<HouseholdCommands>();
        var list = await queries.ListAsync(new HouseholdListQuery(), default);
        Assert.Equal([a.Id], list.Items.Select(i => i.Id));
        Assert.Null(await queries.GetAsync(b.Id, false, default));
        Assert.Equal(ResultStatus.NotFound, (await commands.UpdateAsync(b.Id, Samples.Household(Samples.CommuneB, "X"), default)).Status);
        Assert.Equal(ResultStatus.NotFound, (await commands.DeleteAsync(b.Id, default)).Status);
        Assert.Equal(ResultStatus.NotFound, (await commands.AddMemberAsync(b.Id, Samples.Child(), default)).Status);
        Assert.Equal(ResultStatus.NotFound, (await commands.RemoveMemberAsync(b.Id, b.Members[0].Id, default)).Status);
        Assert.Equal(ResultStatus.NotFound, (await commands.UpdateMemberAsync(b.Id, b.Members[0].Id, Samples.Child(), default)).Status);
        var outside = await commands.CreateAsync(Samples.Household(Samples.CommuneB, "Y"), default);
        Assert.Equal(ResultStatus.Invalid, outside.Status);

        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        Assert.Equal(2, (await db.RunAsync(sp => sp.GetRequiredService<HouseholdQueries>().ListAsync(new HouseholdListQuery(), default))).TotalCount);
        db.User.Become("tinh-hn", Roles.ProvincialOfficer, "01", AdminLevel.Province);
        Assert.Equal(0, (await db.RunAsync(sp => sp.GetRequiredService<HouseholdQueries>().ListAsync(new HouseholdListQuery(), default))).TotalCount);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changes_EveryCreateUpdateDelete_WritesAppendOnlyAuditWithOldAndNewValues(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.User.Become("xa-a", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var created = (await Create(db, Samples.Household(members: Samples.Head()))).Value!;
        var updated = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>()
            .UpdateAsync(created.Id, Samples.Household(head: "Nguyễn Văn Ân") with { Version = created.Version }, default));
        Assert.Equal(ResultStatus.Ok, updated.Status);
        var withChild = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().AddMemberAsync(created.Id, Samples.Child(), default));
        var child = withChild.Value!.Members.Single(m => m.RelationToHead == RelationToHead.Child);
        await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().RemoveMemberAsync(created.Id, child.Id, default));
        await db.RunAsync(sp => sp.GetRequiredService<HouseholdQueries>().GetAsync(created.Id, true, default));

        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var audit = (await db.RunAsync(sp => sp.GetRequiredService<AuditQueries>().ForHouseholdAsync(created.Id, default))).Value!;
        var actions = audit.OrderBy(a => a.Id).Select(a => $"{a.Action}:{a.EntityType}").ToList();
        Assert.Equal(["create:Household", "create:Member", "update:Household", "create:Member", "delete:Member", "view_personal_id:Household"], actions);
        var update = audit.Single(a => a.Action == "update");
        Assert.Contains("\"Field\":\"HeadName\"", update.Changes, StringComparison.Ordinal);
        Assert.Contains("Nguy\\u1EC5n V\\u0103n \\u00C2n", update.Changes, StringComparison.Ordinal);
        Assert.All(audit, a => Assert.Equal("xa-a", a.UserName));
        var createMember = audit.OrderBy(a => a.Id).First(a => a.Action == "create" && a.EntityType == "Member");
        Assert.DoesNotContain("011085001234", createMember.Changes, StringComparison.Ordinal);
        Assert.Contains("0110******34", createMember.Changes, StringComparison.Ordinal);

        await using var scope = db.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var record = await context.AuditRecords.FirstAsync();
        record.Action = "tampered";
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_StaleVersion_RefusedWithConflictAndNothingChanges(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = (await Create(db, Samples.Household(members: Samples.Head()))).Value!;
        var first = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>()
            .UpdateAsync(created.Id, Samples.Household(head: "Người Thứ Nhất") with { Version = created.Version }, default));
        var second = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>()
            .UpdateAsync(created.Id, Samples.Household(head: "Người Thứ Hai") with { Version = created.Version }, default));

        Assert.Equal(ResultStatus.Ok, first.Status);
        Assert.Equal(ResultStatus.Conflict, second.Status);
        var now = await db.RunAsync(sp => sp.GetRequiredService<HouseholdQueries>().GetAsync(created.Id, false, default));
        Assert.Equal("Người Thứ Nhất", now!.HeadName);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_PersonalIds_WholeOnlyForAllowedRolesWhenAsked(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = (await Create(db, Samples.Household(members: Samples.Head()))).Value!;
        Assert.Equal("0110******34", created.Members[0].PersonalId);

        db.User.Become("thon", Roles.VillageReviewer, Samples.CommuneA, AdminLevel.Commune);
        var reviewer = await db.RunAsync(sp => sp.GetRequiredService<HouseholdQueries>().GetAsync(created.Id, true, default));
        Assert.Equal("0110******34", reviewer!.Members[0].PersonalId);

        db.User.Become("xa-a", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);
        var officer = await db.RunAsync(sp => sp.GetRequiredService<HouseholdQueries>().GetAsync(created.Id, true, default));
        Assert.Equal("011085001234", officer!.Members[0].PersonalId);
        var views = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.CountAsync(a => a.Action == AuditActions.ViewPersonalId));
        Assert.Equal(1, views);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Delete_HouseholdWithARecognisedStatus_RefusedAndKept(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = (await Create(db, Samples.Household(members: Samples.Head()))).Value!;
        await db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<AppDbContext>();
            context.HouseholdClassifications.Add(new GiamNgheo.Application.Surveys.HouseholdClassificationEntity
            {
                HouseholdId = created.Id, ProvinceCode = "11", CommuneCode = Samples.CommuneA, Year = 2025, StandardCode = "ND07_2021",
                Category = Domain.Classification.HouseholdCategory.Poor, DecisionId = 1,
            });
            return await context.SaveChangesAsync();
        });

        var result = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().DeleteAsync(created.Id, default));
        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.NotNull(await db.RunAsync(sp => sp.GetRequiredService<HouseholdQueries>().GetAsync(created.Id, false, default)));
    }
}
