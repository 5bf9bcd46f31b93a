using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Imports;

/// <summary>A large load drops the secondary indexes (and PostgreSQL foreign keys) and rebuilds them: the schema must come back exactly.</summary>
public class ImportIndexDeferralTests
{
    private static Task<ImportResult> Import(TestDatabase db, ImportFiles files, IProgress<ImportProgress>? progress = null) =>
        db.RunAsync(sp =>
        {
            var importer = sp.GetRequiredService<HouseholdImporter>();
            importer.DeferIndexesFrom = 1;
            return importer.ImportAsync(ImportFiles.Request(files), progress, default);
        });

    /// <summary>Every index and constraint of the database, as the catalog holds them.</summary>
    private static Task<List<string>> Schema(TestDatabase db) =>
        db.RunAsync(async sp =>
        {
            var context = sp.GetRequiredService<AppDbContext>();
            var postgres = context.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);
            var sql = postgres
                ? """
                  SELECT tablename || ' ' || indexname || ' ' || indexdef AS "Value" FROM pg_indexes WHERE schemaname = current_schema()
                  UNION ALL
                  SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                  WHERE connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                  """
                : """SELECT type || ' ' || name || ' ' || tbl_name || ' ' || COALESCE(sql, '') AS "Value" FROM sqlite_master""";
            var rows = await context.Database.SqlQueryRaw<string>(sql).ToListAsync();
            rows.Sort(StringComparer.Ordinal);
            return rows;
        });

    private static Task<(int, int, int, int)> Counts(TestDatabase db) =>
        db.RunAsync(async sp =>
        {
            var c = sp.GetRequiredService<AppDbContext>();
            return (await c.Households.CountAsync(), await c.Members.CountAsync(), await c.HouseholdSurveys.CountAsync(), await c.HouseholdClassifications.CountAsync());
        });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_DeferredIndexes_SchemaIdenticalAfterwards(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = await ImportFiles.GenerateAsync(households: 60);
        var before = await Schema(db);
        Assert.Contains(before, s => s.Contains("IX_members_PersonalId", StringComparison.Ordinal));

        var result = await Import(db, files);

        Assert.True(result.Succeeded, result.FileError ?? string.Join("\n", result.Problems));
        Assert.Equal(60, result.Created);
        Assert.Equal(before, await Schema(db));
        var again = await Import(db, files);
        Assert.True(again.Succeeded);
        Assert.Equal(60, again.Unchanged);
        Assert.Equal(before, await Schema(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_DeferredIndexesThenFailure_SchemaAndRowsAsBefore(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = await ImportFiles.GenerateAsync(households: 30);
        var schema = await Schema(db);
        var counts = await Counts(db);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Import(db, files, new FailAtStage(FailAtStage.BeforeIndexRebuild)));

        Assert.Equal(schema, await Schema(db));
        Assert.Equal(counts, await Counts(db));
        Assert.True((await Import(db, files)).Succeeded);
        Assert.Equal(schema, await Schema(db));
    }

    /// <summary>
    /// Into an empty registry the whole-file checks run while the rows are written: a problem they find (here a member
    /// of a household the file does not have, on the last line) vetoes the commit — problems reported, no row written,
    /// every index back — and the corrected file then imports.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_WholeFileProblemFoundWhileWriting_NothingWrittenSchemaIntact(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = await ImportFiles.GenerateAsync(households: 80);
        var schema = await Schema(db);
        var counts = await Counts(db);
        var members = await File.ReadAllTextAsync(files.Members);
        await File.AppendAllTextAsync(files.Members, "NO-SUCH-HOUSEHOLD,Lò Văn Hai,male,1985-05-05,03,head,,1,none,0,none,self_employed\n");

        var result = await Import(db, files);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("household_code", problem.Column);
        Assert.Contains("NO-SUCH-HOUSEHOLD", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(schema, await Schema(db));
        Assert.Equal(counts, await Counts(db));
        Assert.Equal(0, await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ImportRecords.CountAsync()));

        await File.WriteAllTextAsync(files.Members, members);
        Assert.True((await Import(db, files)).Succeeded);
        Assert.Equal(schema, await Schema(db));
    }
}
