using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

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

/// <summary>
/// Boxed small integers and booleans shared by every row of a bulk load (enum codes, flags, orders), so that a
/// million-row load does not allocate one box per integer column per row for the collector to sweep.
/// </summary>
public static class Boxed
{
    private static readonly object[] Small = [.. Enumerable.Range(0, 1024).Select(i => (object)i)];

    private static readonly object True = true;
    private static readonly object False = false;

    public static object Of(int value) => (uint)value < (uint)Small.Length ? Small[value] : value;

    public static object Of(bool value) => value ? True : False;
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

    /// <summary>
    /// For a load that is large relative to the tables: drops their secondary indexes (and, on PostgreSQL, their foreign
    /// keys) inside the caller's transaction and returns the statements that recreate them exactly as the catalog held
    /// them (<see cref="RestoreAsync"/>), so each index is built once by sorting instead of by random inserts. Primary
    /// keys stay. A rollback brings everything back, since DDL is transactional on both engines.
    /// </summary>
    public abstract Task<IReadOnlyList<string>> DeferIndexesAsync(IReadOnlyList<string> tables, CancellationToken ct);

    /// <summary>Runs the statements returned by <see cref="DeferIndexesAsync"/> (unique indexes check their rows again here).</summary>
    public async Task RestoreAsync(IReadOnlyList<string> statements, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var sql in statements)
        {
            await ExecuteAsync(sql, ct);
        }
    }

    protected async Task<List<(string Name, string Definition)>> PairsAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0; // index builds and key checks over millions of rows outlast any default timeout
        var pairs = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }

    protected static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    protected async Task<long> ScalarLongAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0; // index builds and key checks over millions of rows outlast any default timeout
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    protected async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0; // index builds and key checks over millions of rows outlast any default timeout
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
        await PrepareAsync(ct);
        return await ScalarLongAsync($"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"", ct) + 1;
    }

    public override Task FinishIdsAsync(string table, CancellationToken ct) => Task.CompletedTask;

    public override async Task<IReadOnlyList<string>> DeferIndexesAsync(IReadOnlyList<string> tables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tables);
        await PrepareAsync(ct);
        var restore = new List<string>();
        foreach (var table in tables)
        {
            // Indexes that SQLite made itself (UNIQUE/PRIMARY KEY constraints) have no SQL and stay.
            var indexes = await PairsAsync(
                $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = {Literal(table)} AND sql IS NOT NULL ORDER BY name", ct);
            foreach (var (name, sql) in indexes)
            {
                await ExecuteAsync("DROP INDEX " + Quote(name), ct);
                restore.Add(sql);
            }
        }

        return restore;
    }

    /// <summary>A big page cache and in-memory temporary storage (index sorts) for this connection.</summary>
    private async Task PrepareAsync(CancellationToken ct)
    {
        if (!cacheSet)
        {
            await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{CacheKiB}"), ct);
            try
            {
                await ExecuteAsync("PRAGMA temp_store = MEMORY", ct);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == raw.SQLITE_ERROR)
            {
                // This pooled connection already opened its temporary database (e.g. a migration's ALTER TABLE ran on
                // it): the setting cannot change inside the transaction, and sorts spill to a temporary file instead.
            }
            cacheSet = true;
        }
    }

    /// <summary>
    /// One statement prepared once and stepped per row through SQLite's own API (bind by index, step, reset): the
    /// ADO.NET command would look every parameter up by name on every execution, which cost as much as the insert.
    /// The statement runs inside the caller's transaction (the same connection handle).
    /// </summary>
    public override Task<long> InsertAsync(string table, IReadOnlyList<BulkColumn> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var handle = ((SqliteConnection)Connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c.Name + "\""))}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            long count = 0;
            Span<char> buffer = stackalloc char[32];
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    Check(handle, Bind(statement, i + 1, row[i], columns[i], buffer, table));
                }

                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE)
                {
                    Check(handle, step == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : step);
                }

                raw.sqlite3_reset(statement);
                count++;
                if ((count & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }

            return Task.FromResult(count);
        }
    }

    /// <summary>
    /// Binds one value without allocating, in the representation EF Core's SQLite provider uses: text as UTF-16 straight
    /// from the string (SQLite copies it and stores UTF-8), dates as ISO text formatted into <paramref name="buffer"/>,
    /// booleans and integers (any integral type, e.g. an enum, for an integer column) as 64-bit integers.
    /// </summary>
    private static int Bind(sqlite3_stmt statement, int index, object? value, BulkColumn column, Span<char> buffer, string table)
    {
        switch (value)
        {
            case null:
                return raw.sqlite3_bind_null(statement, index);
            case string { Length: 0 }:
                return raw.sqlite3_bind_text(statement, index, string.Empty); // an empty span would bind NULL
            case string text:
                return raw.sqlite3_bind_text16(statement, index, text.AsSpan());
            case DateOnly date when date.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture):
                return raw.sqlite3_bind_text16(statement, index, buffer[..written]);
            case DateTime time when time.TryFormat(buffer, out var written, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture):
                return raw.sqlite3_bind_text16(statement, index, buffer[..written]);
            case bool flag:
                return raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0);
            case int n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case long n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case short n:
                return raw.sqlite3_bind_int64(statement, index, n);
            case var other when column.Type is BulkType.Int4 or BulkType.SmallInt or BulkType.BigInt:
                return raw.sqlite3_bind_int64(statement, index, System.Convert.ToInt64(other, CultureInfo.InvariantCulture));
            default:
                throw new NotSupportedException($"Bulk insert of {value.GetType().Name} into {table}.{column.Name}.");
        }
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
        }
    }
}

internal sealed class PostgresBulkInserter(NpgsqlConnection connection, DbTransaction transaction) : BulkInserter(connection, transaction)
{
    private readonly NpgsqlConnection npgsql = connection;

    public override async Task<long> NextIdAsync(string table, CancellationToken ct)
    {
        await ExecuteAsync($"LOCK TABLE \"{table}\" IN SHARE ROW EXCLUSIVE MODE", ct);
        return await ScalarLongAsync($"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"", ct) + 1;
    }

    public override async Task<IReadOnlyList<string>> DeferIndexesAsync(IReadOnlyList<string> tables, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tables);
        await ExecuteAsync("SET LOCAL maintenance_work_mem = '256MB'", ct);
        var indexes = new List<string>();
        var keys = new List<string>();
        foreach (var table in tables)
        {
            var regclass = $"to_regclass({Literal(Quote(table))})";
            // Secondary indexes: not the primary key, not an index that backs a constraint.
            foreach (var (name, definition) in await PairsAsync(
                $"""
                SELECT i.relname::text, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = {regclass} AND NOT x.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
                ORDER BY i.relname
                """, ct))
            {
                await ExecuteAsync("DROP INDEX " + Quote(name), ct);
                indexes.Add(definition);
            }

            // Foreign keys of the table: checked once by one join when added back instead of once per row.
            foreach (var (name, definition) in await PairsAsync(
                $"SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = {regclass} AND contype = 'f' ORDER BY conname", ct))
            {
                await ExecuteAsync($"ALTER TABLE {Quote(table)} DROP CONSTRAINT {Quote(name)}", ct);
                keys.Add($"ALTER TABLE {Quote(table)} ADD CONSTRAINT {Quote(name)} {definition}");
            }
        }

        return [.. indexes, .. keys];
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
            // A province's members take minutes to copy: no timeout (zero means none here), cancellation still works.
            writer.Timeout = TimeSpan.Zero;
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
