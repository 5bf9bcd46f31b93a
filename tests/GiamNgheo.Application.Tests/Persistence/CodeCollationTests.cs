using GiamNgheo.Application.Households;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Persistence;

public sealed class CodeCollationTests
{
    public sealed record ColumnCollation(string Table, string Column, string? Collation);

    [Fact]
    public async Task Postgres_CodeColumnsAreBytewise_NamesKeepTheDatabaseCollation()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>()
            .CreateAsync(Samples.Household(members: Samples.Head()), default))).Status);
        await using var scope = db.Scope();
        var context = db.Get<AppDbContext>(scope);
        var columns = await context.Database.SqlQueryRaw<ColumnCollation>(
            """
            SELECT table_name::text AS "Table", column_name::text AS "Column", collation_name::text AS "Collation"
            FROM information_schema.columns
            WHERE table_schema = 'public' AND data_type IN ('character varying', 'text')
            """).ToListAsync(TestContext.Current.CancellationToken);

        string? Of(string table, string column) => columns.Single(c => c.Table == table && c.Column == column).Collation;
        Assert.Equal("C", Of("households", "Code"));
        Assert.Equal("C", Of("households", "CommuneCode"));
        Assert.Equal("C", Of("members", "PersonalId"));
        Assert.Equal("C", Of("admin_units", "Code"));
        Assert.Equal("C", Of("household_classifications", "StandardCode"));
        Assert.Null(Of("households", "HeadName"));
        Assert.Null(Of("members", "FullName"));
        // Every code column of every table, so that no join compares an indexed "C" column with a locale one.
        var codes = columns.Where(c => c.Table != "__EFMigrationsHistory" && PostgresAppDbContext.IsCodeColumn(c.Column)).ToList();
        Assert.True(codes.Count >= 60, $"{codes.Count} code columns");
        Assert.All(codes, c => Assert.Equal("C", c.Collation));

        // Codes still join across tables and compare with parameters (the household's commune in the reference data).
        var commune = Samples.CommuneA;
        var joined = await (from h in context.Households
                            join u in context.AdminUnits on h.CommuneCode equals u.Code
                            where u.Code == commune
                            select h.Id).Distinct().CountAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, joined);
    }
}
