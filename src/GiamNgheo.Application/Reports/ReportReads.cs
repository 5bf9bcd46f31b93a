using GiamNgheo.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GiamNgheo.Application.Reports;

/// <summary>How report reads run: queries driven by index lookups over one unit's rows.</summary>
internal static class ReportReads
{
    /// <summary>
    /// Memory map asked for on SQLite (SQLite caps it at its compile-time maximum): reads then come from the operating
    /// system's page cache without a read() call and a copy per 4 KB page, which was most of the time of the report
    /// lists' index lookups on a 1 M-household database (docs/benchmarks.md §4).
    /// </summary>
    private const long SqliteMapSize = 2_147_418_112;

    /// <summary>
    /// Prepares the context's connection for a unit's report reads; dispose the result when done (nothing is written).
    /// <list type="bullet">
    /// <item>PostgreSQL: opens a transaction when none is open and turns parallel plans and JIT compilation off inside
    /// it (<c>SET LOCAL</c>, so nothing leaks to the pooled connection). These queries are nested index lookups over one
    /// unit's rows; on a small server a parallel worker costs more to start than it saves (a commune's member read:
    /// 160–300 ms with one worker, 47 ms without; 2-core server, 1 M households), and the plans' cost estimates pass the
    /// JIT threshold although compiling them costs more than it saves.</item>
    /// <item>SQLite: opens the connection for the duration and memory-maps the file (<c>PRAGMA mmap_size</c>; the map
    /// stays with the pooled connection, so the next report read on it finds its pages mapped — unmapping after each
    /// read made a commune's list read 3× slower, from page faults). Only report reads map the file, not every
    /// connection: mapped pages count in the process's resident set, and the CLI's export of a whole province read
    /// through a mapped file peaked at 940 MB instead of 165 MB. No transaction: one takes the write lock on SQLite.</item>
    /// </list>
    /// </summary>
    public static async Task<IAsyncDisposable> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off", ct);
            return new Read(db, transaction, opened: false);
        }

        if (!db.Database.IsSqlite())
        {
            return new Read(db, null, opened: false);
        }

        await db.Database.OpenConnectionAsync(ct); // counted: EF closes it on the matching CloseConnection only
        await db.Database.ExecuteSqlRawAsync($"PRAGMA mmap_size = {SqliteMapSize}", ct);
        return new Read(db, null, opened: true);
    }

    private sealed class Read(AppDbContext db, IDbContextTransaction? transaction, bool opened) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
