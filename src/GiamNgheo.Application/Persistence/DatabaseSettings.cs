using Microsoft.Extensions.Configuration;

namespace GiamNgheo.Application.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database to use. Configuration keys: <c>Database:Provider</c> (Sqlite | Postgres), <c>ConnectionStrings:Postgres</c>,
/// and for SQLite either <c>ConnectionStrings:Sqlite</c> or <c>Database:Path</c>; by default the file
/// <c>data/giamngheo.db</c> under the repository root, shared by the web app and the CLI.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Database:Provider '{providerText}' is not Sqlite or Postgres.");
        }

        return provider switch
        {
            DatabaseProvider.Postgres => new DatabaseSettings(provider,
                configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.")),
            DatabaseProvider.Sqlite => new DatabaseSettings(provider,
                configuration.GetConnectionString("Sqlite") ?? $"Data Source={DefaultSqlitePath(configuration["Database:Path"])}"),
        };
    }

    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.Postgres => "postgres",
    };

    private static string DefaultSqlitePath(string? configured)
    {
        var path = configured is { Length: > 0 } ? Path.GetFullPath(configured) : Path.Combine(RepositoryRoot(), "data", "giamngheo.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>The folder holding GiamNgheo.slnx, searched from the working directory and then from the binaries.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GiamNgheo.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
