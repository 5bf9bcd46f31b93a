using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.AdminUnits;

public class VillageHandlerTests
{
    private const string Commune = "03158"; // Xã Sín Thầu

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_AfterAVillageInTheMiddleWasRemoved_NeverReusesACode(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var created = new List<string>();
        foreach (var name in new[] { "Thôn Một", "Thôn Hai", "Thôn Ba" })
        {
            var result = await db.RunAsync(sp => sp.GetRequiredService<VillageHandler>().ExecuteAsync(new CreateVillageCommand(Commune, name), default));
            Assert.Equal(ResultStatus.Ok, result.Status);
            created.Add(result.Value!.Code);
        }

        Assert.Equal(["03158-001", "03158-002", "03158-003"], created);

        // The middle village is removed (merged into another): two villages remain, the last one numbered 003.
        await db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<AppDbContext>();
            context.AdminUnits.Remove(await context.AdminUnits.SingleAsync(u => u.Code == "03158-002" && u.Level == AdminLevel.Village));
            return await context.SaveChangesAsync();
        });

        var next = await db.RunAsync(sp => sp.GetRequiredService<VillageHandler>().ExecuteAsync(new CreateVillageCommand(Commune, "Thôn Bốn"), default));
        Assert.Equal(ResultStatus.Ok, next.Status);
        Assert.Equal("03158-004", next.Value!.Code); // Count + 1 would have been 003, the code of Thôn Ba

        var codes = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AdminUnits
            .Where(u => u.ParentCode == Commune && u.Level == AdminLevel.Village).Select(u => u.Code).ToListAsync());
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
