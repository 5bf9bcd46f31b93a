using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GiamNgheo.Application.Persistence;

/// <summary>
/// Memory-maps the SQLite database file on every opened connection (<c>PRAGMA mmap_size</c>): reads then come from the
/// operating system's page cache without a read() call and a copy per 4 KB page, which is most of the time of the
/// report lists' index lookups on a 1 M-household database (issue 7). SQLite caps the size at its compile-time maximum;
/// writes still go through the WAL as before. Other providers are untouched.
/// </summary>
internal sealed class SqliteReadTuning : DbConnectionInterceptor
{
    public static readonly SqliteReadTuning Instance = new();

    private const string Pragma = "PRAGMA mmap_size = 2147418112";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragma;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
