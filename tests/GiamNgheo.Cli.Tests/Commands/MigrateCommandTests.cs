using GiamNgheo.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Cli.Tests.Commands;

public class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_FreshSqliteFile_CreatesSchemaAndLoadsReferenceDataOnce()
    {
        var path = Path.Combine(Path.GetTempPath(), $"giamngheo-cli-{Guid.NewGuid():N}.db");
        try
        {
            using var host = CliHost.Build([new("Database:Path", path)]);
            await CliHost.InitializeAsync(host, CancellationToken.None);
            await CliHost.InitializeAsync(host, CancellationToken.None);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // 10,794 pre-reform units + 3,355 post-reform units + 11 new periods for the 2026 type changes.
            Assert.Equal(10_794 + 3_355 + 11, await db.AdminUnits.CountAsync());
            Assert.Equal(54, await db.EthnicGroups.CountAsync());
            Assert.True(File.Exists(path));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
