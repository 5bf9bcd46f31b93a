using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Persistence;

public class UseCaseTransactionTests
{
    private static Task<int> AuditCountAsync(TestDatabase db) => db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.CountAsync());

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RefusedAfterAFlush_RolledBackAndTrackerCleared(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await AuditCountAsync(db);
        await db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<AppDbContext>();
            var result = await context.InOneTransactionAsync(async () =>
            {
                context.AddAuditEvent("test.flushed", "Test", "1", null, new { });
                await context.SaveChangesAsync();
                context.AddAuditEvent("test.pending", "Test", "2", null, new { });
                return Result<int>.Conflict("từ chối");
            }, default);
            Assert.Equal(ResultStatus.Conflict, result.Status);
            Assert.False(context.ChangeTracker.HasChanges());
            Assert.Null(context.Database.CurrentTransaction);
            return 0;
        });
        Assert.Equal(before, await AuditCountAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Nested_RefusedInnerRolledBackToItsSavepoint_OuterCommits(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await AuditCountAsync(db);
        await db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<AppDbContext>();
            var result = await context.InOneTransactionAsync(async () =>
            {
                context.AddAuditEvent("test.outer", "Test", "1", null, new { });
                await context.SaveChangesAsync();
                var inner = await context.InOneTransactionAsync(async () =>
                {
                    context.AddAuditEvent("test.inner", "Test", "2", null, new { });
                    await context.SaveChangesAsync();
                    return Result<int>.Invalid(new Dictionary<string, string[]> { ["x"] = ["sai"] });
                }, default);
                Assert.Equal(ResultStatus.Invalid, inner.Status);
                return Result<int>.Ok(1);
            }, default);
            Assert.Equal(ResultStatus.Ok, result.Status);
            return 0;
        });
        Assert.Equal(before + 1, await AuditCountAsync(db));
        Assert.Equal(["test.outer"], await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.Where(a => a.Action.StartsWith("test.")).Select(a => a.Action).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Throwing_RolledBack(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var before = await AuditCountAsync(db);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.RunAsync<Result<int>>(async sp =>
        {
            var context = sp.GetRequiredService<AppDbContext>();
            return await context.InOneTransactionAsync<int>(async () =>
            {
                context.AddAuditEvent("test.flushed", "Test", "1", null, new { });
                await context.SaveChangesAsync();
                throw new InvalidOperationException("boom");
            }, default);
        }));
        Assert.Equal(before, await AuditCountAsync(db));
    }
}
