using GiamNgheo.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GiamNgheo.Application.Reports;

/// <summary>How report reads run: queries driven by index lookups over one unit's rows.</summary>
internal static class ReportReads
{
    /// <summary>
    /// On PostgreSQL: opens a transaction when none is open and turns parallel plans off inside it (<c>SET LOCAL</c>, so
    /// nothing leaks to the pooled connection). These queries are nested index lookups over one unit's rows, and on a
    /// small server a parallel worker costs more to start than it saves (a commune's member read: 160–300 ms with one
    /// worker, 47 ms without; the province's 1.4 s against 0.7–1.2 s; 2-core server, 1 M households). On SQLite nothing
    /// is opened: a transaction there takes the write lock. Dispose the result when done (nothing is written).
    /// </summary>
    public static async Task<IDbContextTransaction?> BeginAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", ct);
        return transaction;
    }
}
