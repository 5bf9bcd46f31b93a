using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GiamNgheo.Application.Tests.Infrastructure;

/// <summary>
/// A real database for one test: SQLite in memory (connection held open) or a fresh PostgreSQL database created from a
/// migrated template, both with the official reference data loaded. The same test rows run against both providers.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static SqliteConnection? sqliteTemplate;
    private static bool postgresTemplateReady;
    private const string PostgresTemplate = "giamngheo_test_template";

    private readonly ServiceProvider services;
    private readonly SqliteConnection? sqlite;
    private readonly string? postgresDatabase;
    private readonly string? postgresAdmin;

    private TestDatabase(TestUser user, FixedClock clock, Func<TestUser, FixedClock, ServiceProvider> build, SqliteConnection? sqlite, string? postgresDatabase, string? postgresAdmin)
    {
        User = user;
        Clock = clock;
        services = build(user, clock);
        this.sqlite = sqlite;
        this.postgresDatabase = postgresDatabase;
        this.postgresAdmin = postgresAdmin;
    }

    /// <summary>The acting user: a system administrator until a test changes it.</summary>
    public TestUser User { get; }

    /// <summary>Today is 2026-11-20 in every test.</summary>
    public FixedClock Clock { get; }

    public string Provider => sqlite is null ? "postgres" : "sqlite";

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        return provider switch
        {
            "sqlite" => await CreateSqliteAsync(),
            "postgres" => await CreatePostgresAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    /// <summary>A new scope with its own context; the user and clock are shared by the test.</summary>
    public AsyncServiceScope Scope() => services.CreateAsyncScope();

    public T Get<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider);
    }

    private static async Task<TestDatabase> CreateSqliteAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (sqliteTemplate is null)
            {
                var template = new SqliteConnection("Data Source=:memory:");
                await template.OpenAsync();
                await using (var provider = Build(o => o.UseSqlite(template), DatabaseProvider.Sqlite, new TestUser(), TimeProvider.System))
                {
                    await using var scope = provider.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
                }

                sqliteTemplate = template;
            }
        }
        finally
        {
            TemplateLock.Release();
        }

        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        lock (sqliteTemplate)
        {
            sqliteTemplate.BackupDatabase(connection);
        }

        return new TestDatabase(new TestUser(), FixedClock.Default(), (u, c) => Build(o => o.UseSqlite(connection), DatabaseProvider.Sqlite, u, c),
            connection, null, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = PostgresConnectionString;
        if (admin is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("CI=true but ConnectionStrings__Postgres is not set: the PostgreSQL tests must run in CI.");
            }

            Assert.Skip("PostgreSQL is not configured (set ConnectionStrings__Postgres, as ./test.sh does).");
        }

        await TemplateLock.WaitAsync();
        try
        {
            if (!postgresTemplateReady)
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {PostgresTemplate} WITH (FORCE)");
                await ExecuteAsync(admin, $"CREATE DATABASE {PostgresTemplate}");
                var templateCs = new NpgsqlConnectionStringBuilder(admin) { Database = PostgresTemplate, Pooling = false }.ConnectionString;
                await using (var provider = Build(o => o.UseNpgsql(templateCs), DatabaseProvider.Postgres, new TestUser(), TimeProvider.System))
                {
                    await using var scope = provider.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
                }

                NpgsqlConnection.ClearAllPools();
                postgresTemplateReady = true;
            }

            var name = "gn_test_" + Guid.NewGuid().ToString("N")[..16];
            await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE {PostgresTemplate}");
            var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            return new TestDatabase(new TestUser(), FixedClock.Default(), (u, c) => Build(o => o.UseNpgsql(cs), DatabaseProvider.Postgres, u, c),
                null, name, admin);
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static ServiceProvider Build(Action<DbContextOptionsBuilder> configure, DatabaseProvider provider, ICurrentUser user, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Sqlite"] = "Data Source=:memory:",
            ["ConnectionStrings:Postgres"] = "Host=unused",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddProvider(NullLoggerProvider.Instance));
        services.AddApplication(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ICurrentUser>(user);
        // Replace the context registrations with the test's own connection.
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SqliteAppDbContext>(configure);
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresAppDbContext>(configure);
                break;
        }

        return services.BuildServiceProvider();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (sqlite is not null)
        {
            await sqlite.DisposeAsync();
        }

        if (postgresDatabase is not null && postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(postgresAdmin, $"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)");
        }
    }
}
