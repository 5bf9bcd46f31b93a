using Microsoft.Data.Sqlite;
using Npgsql;

namespace GiamNgheo.Bench;

/// <summary>
/// The fresh database of a benchmark: a SQLite file at the given path, or a new PostgreSQL database on the
/// server of <c>ConnectionStrings__Postgres</c> (<c>eval "$(scripts/dev-postgres.sh)"</c>), dropped when disposed.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _serverConnection;
    private readonly string? _database;

    private BenchDatabase(Dictionary<string, string?> overrides, string? serverConnection, string? database)
    {
        Overrides = overrides;
        _serverConnection = serverConnection;
        _database = database;
    }

    /// <summary>The configuration keys that point <see cref="BenchHost"/> at this database.</summary>
    public Dictionary<string, string?> Overrides { get; }

    /// <summary>
    /// Null (with the reason written to <paramref name="error"/>) when PostgreSQL is asked for but not configured.
    /// <paramref name="keepPostgres"/>: a PostgreSQL database name to use (created when missing) and keep, instead of a
    /// fresh one dropped afterwards (to iterate on the same data).
    /// </summary>
    public static async Task<BenchDatabase?> CreateAsync(string provider, string sqlitePath, TextWriter error, CancellationToken ct, string? keepPostgres = null)
    {
        if (provider != "postgres")
        {
            return new BenchDatabase(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Sqlite"] = null,
                ["Database:Path"] = sqlitePath,
            }, null, null);
        }

        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (server is null)
        {
            await error.WriteLineAsync("Lỗi: --provider postgres cần ConnectionStrings__Postgres (eval \"$(scripts/dev-postgres.sh)\").");
            return null;
        }

        if (keepPostgres is not null && !System.Text.RegularExpressions.Regex.IsMatch(keepPostgres, "^[a-z_][a-z0-9_]{0,62}$"))
        {
            await error.WriteLineAsync("Lỗi: tên cơ sở dữ liệu PostgreSQL chỉ gồm a-z, 0-9, _.");
            return null;
        }

        var database = keepPostgres ?? "giamngheo_bench_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync(ct);
            }
        }

        return new BenchDatabase(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            // No command timeout: at 1 M households the end of a COPY (index upkeep) and the rebuild outlast 30 s.
            ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 0 }.ConnectionString,
        }, server, keepPostgres is null ? database : null);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
        if (_serverConnection is not null && _database is not null)
        {
            await using var admin = new NpgsqlConnection(_serverConnection);
            await admin.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
