using System.Collections.Concurrent;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Surveys;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Web.Pages.Imports;

/// <summary>The user who started a job, frozen (the job outlives the request).</summary>
public sealed record SnapshotUser(string? UserId, string UserName, string? ScopeUnitCode, AdminLevel? ScopeLevel, IReadOnlyList<string> Roles) : ICurrentUser
{
    public static SnapshotUser Of(ICurrentUser user) => new(user.UserId, user.UserName, user.ScopeUnitCode, user.ScopeLevel,
        [.. Application.Identity.Roles.All.Where(user.IsInRole)]);

    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>One upload being imported in the background.</summary>
public sealed class ImportJob
{
    public required Guid Id { get; init; }
    public required string UserName { get; init; }
    public required string FileName { get; init; }
    public required string Folder { get; init; }
    public DateTime StartedAtUtc { get; init; }
    public ImportProgress? Progress { get; set; }
    public ImportResult? Result { get; set; }
    public string? Crash { get; set; }
    public bool Done => Result is not null || Crash is not null;
}

/// <summary>
/// Runs uploads as background jobs (one at a time per process, in arrival order) with their own database context
/// acting as the user who uploaded. Jobs and their files are kept for an hour.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, ILogger<ImportJobs> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, ImportJob> jobs = new();
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public void Dispose() => oneAtATime.Dispose();

    public ImportJob? Find(Guid id, string userName) =>
        jobs.TryGetValue(id, out var job) && job.UserName == userName ? job : null;

    public ImportJob Start(ICurrentUser user, string fileName, string folder, ImportRequest request, TimeProvider clock)
    {
        Cleanup(clock);
        var job = new ImportJob
        {
            Id = Guid.NewGuid(), UserName = user.UserName, FileName = fileName, Folder = folder, StartedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        jobs[job.Id] = job;
        var snapshot = SnapshotUser.Of(user);
        _ = Task.Run(async () =>
        {
            await oneAtATime.WaitAsync();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var db = CreateContext(scope.ServiceProvider, snapshot);
                var standards = new StandardRegistry(db);
                var importer = new HouseholdImporter(db, standards, new HouseholdClassificationService(db, standards));
                job.Result = await importer.ImportAsync(request, new Progress(job), CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogError(e, "Import job {Job} failed", job.Id);
                job.Crash = "Lỗi hệ thống khi nhập; không có dữ liệu nào được ghi. Hãy thử lại hoặc báo quản trị viên.";
            }
            finally
            {
                oneAtATime.Release();
            }
        });
        return job;
    }

    /// <summary>A context of the configured provider acting as <paramref name="user"/>.</summary>
    private static AppDbContext CreateContext(IServiceProvider services, ICurrentUser user)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        return services.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteAppDbContext(services.GetRequiredService<DbContextOptions<SqliteAppDbContext>>(), user, clock),
            DatabaseProvider.Postgres => new PostgresAppDbContext(services.GetRequiredService<DbContextOptions<PostgresAppDbContext>>(), user, clock),
        };
    }

    private void Cleanup(TimeProvider clock)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        foreach (var job in jobs.Values.Where(j => j.Done && j.StartedAtUtc < cutoff))
        {
            if (jobs.TryRemove(job.Id, out _))
            {
                try
                {
                    Directory.Delete(job.Folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private sealed class Progress(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Progress = value;
    }
}

public static class ImportJobsServices
{
    public static IServiceCollection AddImportJobs(this IServiceCollection services) => services.AddSingleton<ImportJobs>();
}
