using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace GiamNgheo.Application.Imports;

/// <summary>Type of a column written by <see cref="BulkInserter"/>.</summary>
public enum BulkType
{
    BigInt,
    Int4,
    SmallInt,
    Text,
    Bool,
    Date,
    TimestampUtc,
}

/// <summary>A column of a bulk insert: the quoted-on-write column name and its type.</summary>
public sealed record BulkColumn(string Name, BulkType Type);

/// <summary>
/// The fast path for new rows (toolchain.md §5): one prepared INSERT command reused for every row on SQLite, binary
/// COPY on PostgreSQL, inside the caller's transaction. Ids are assigned by the caller (<see cref="NextIdAsync"/>)
/// so that child rows can reference their parents without a round trip.
/// </summary>
public abstract class BulkInserter
{
    protected BulkInserter(DbConnection connection, DbTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    protected DbConnection Connection { get; }
    protected DbTransaction Transaction { get; }

    public static BulkInserter For(DbConnection connection, DbTransaction transaction) => connection switch
    {
        SqliteConnection sqlite => new SqliteBulkInserter(sqlite, transaction),
        NpgsqlConnection npgsql => new PostgresBulkInserter(npgsql, transaction),
        _ => throw new NotSupportedException("Bulk insert supports SQLite and PostgreSQL."),
    };

    /// <summary>Locks the table against other writers (PostgreSQL) and returns max(Id) + 1.</summary>
    public abstract Task<long> NextIdAsync(string table, CancellationToken ct);

    /// <summary>Inserts the rows (values in column order) and returns how many were written.</summary>
    public abstract Task<long> InsertAsync(string table, IReadOnlyList<BulkColumn> columns, IEnumerable<object?[]> rows, CancellationToken ct);

    /// <summary>After explicit ids: moves the identity sequence past them (PostgreSQL).</summary>
    public abstract Task FinishIdsAsync(string table, CancellationToken ct);

    protected async Task<long> ScalarLongAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    protected async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}

internal sealed class SqliteBulkInserter(SqliteConnection connection, DbTransaction transaction) : BulkInserter(connection, transaction)
{
    /// <summary>
    /// Page cache of the connection during a bulk load (KiB, negative = size). With SQLite's default 2 MB, inserting a
    /// million members into a table with three secondary indexes on random keys (ID number, folded name) thrashes pages.
    /// </summary>
    public const int CacheKiB = 256 * 1024;

    private bool cacheSet;

    public override async Task<long> NextIdAsync(string table, CancellationToken ct)
    {
        if (!cacheSet)
        {
            await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{CacheKiB}"), ct);
            cacheSet = true;
        }

        return await ScalarLongAsync($"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"", ct) + 1;
    }

    public override Task FinishIdsAsync(string table, CancellationToken ct) => Task.CompletedTask;

    public override async Task<long> InsertAsync(string table, IReadOnlyList<BulkColumn> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var command = (SqliteCommand)Connection.CreateCommand();
        command.Transaction = (SqliteTransaction)Transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = new SqliteParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) });
        }

        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = Convert(row[i], columns[i].Type);
            }

            command.ExecuteNonQuery();
            count++;
            if ((count & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        return count;
    }

    /// <summary>The representations EF Core's SQLite provider uses.</summary>
    private static object Convert(object? value, BulkType type) => value switch
    {
        null => DBNull.Value,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        _ when type is BulkType.Int4 or BulkType.SmallInt or BulkType.BigInt => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        _ => value,
    };
}

internal sealed class PostgresBulkInserter(NpgsqlConnection connection, DbTransaction transaction) : BulkInserter(connection, transaction)
{
    private readonly NpgsqlConnection npgsql = connection;

    public override async Task<long> NextIdAsync(string table, CancellationToken ct)
    {
        await ExecuteAsync($"LOCK TABLE \"{table}\" IN SHARE ROW EXCLUSIVE MODE", ct);
        return await ScalarLongAsync($"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"", ct) + 1;
    }

    public override Task FinishIdsAsync(string table, CancellationToken ct) =>
        ExecuteAsync($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{table}\"), false)", ct);

    public override async Task<long> InsertAsync(string table, IReadOnlyList<BulkColumn> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var types = columns.Select(c => c.Type switch
        {
            BulkType.BigInt => NpgsqlDbType.Bigint,
            BulkType.Int4 => NpgsqlDbType.Integer,
            BulkType.SmallInt => NpgsqlDbType.Smallint,
            BulkType.Text => NpgsqlDbType.Varchar,
            BulkType.Bool => NpgsqlDbType.Boolean,
            BulkType.Date => NpgsqlDbType.Date,
            BulkType.TimestampUtc => NpgsqlDbType.TimestampTz,
        }).ToArray();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) FROM STDIN (FORMAT BINARY)";
        long count = 0;
        await using (var writer = await npgsql.BeginBinaryImportAsync(sql, ct))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(ct);
                for (var i = 0; i < types.Length; i++)
                {
                    var value = row[i];
                    if (value is null)
                    {
                        await writer.WriteNullAsync(ct);
                        continue;
                    }

                    switch (columns[i].Type)
                    {
                        case BulkType.BigInt:
                            await writer.WriteAsync(System.Convert.ToInt64(value, CultureInfo.InvariantCulture), types[i], ct);
                            break;
                        case BulkType.Int4:
                            await writer.WriteAsync(System.Convert.ToInt32(value, CultureInfo.InvariantCulture), types[i], ct);
                            break;
                        case BulkType.SmallInt:
                            await writer.WriteAsync(System.Convert.ToInt16(value, CultureInfo.InvariantCulture), types[i], ct);
                            break;
                        case BulkType.Text:
                            await writer.WriteAsync((string)value, types[i], ct);
                            break;
                        case BulkType.Bool:
                            await writer.WriteAsync((bool)value, types[i], ct);
                            break;
                        case BulkType.Date:
                            await writer.WriteAsync((DateOnly)value, types[i], ct);
                            break;
                        case BulkType.TimestampUtc:
                            await writer.WriteAsync(DateTime.SpecifyKind((DateTime)value, DateTimeKind.Utc), types[i], ct);
                            break;
                    }
                }

                count++;
            }

            await writer.CompleteAsync(ct);
        }

        return count;
    }
}
