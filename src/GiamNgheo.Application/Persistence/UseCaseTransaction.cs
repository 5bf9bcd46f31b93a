using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Persistence;

/// <summary>
/// One use case, one transaction. A use case (a review step, a household or survey edit) runs inside
/// <see cref="InOneTransactionAsync{T}"/>: it loads and checks scope, validates, changes the tracked entities, saves, and
/// refreshes what follows from the change (the materialised support gaps) — all in one database transaction, committed only
/// when it returns <see cref="ResultStatus.Ok"/>. Any other outcome (not found, forbidden, invalid, conflict) or an
/// exception rolls the transaction back and clears the change tracker, so a refused step leaves the database (and the
/// context) as it found them, even when it had already flushed rows to obtain their generated keys.
/// </summary>
/// <remarks>
/// Runs through <c>Database.CreateExecutionStrategy()</c>, so it holds on SQLite and on PostgreSQL, also under a retrying
/// strategy (a retry starts from an empty change tracker). Called inside a transaction that is already open (a use case
/// that uses another, or a caller's own transaction), it works under a savepoint instead: a refusal rolls back to the
/// savepoint and the enclosing use case decides the outcome.
/// </remarks>
public static class UseCaseTransaction
{
    public static async Task<Result<T>> InOneTransactionAsync<T>(this AppDbContext db, Func<Task<Result<T>>> useCase, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is { } current)
        {
            var savepoint = "use_case_" + Guid.NewGuid().ToString("N")[..12];
            await current.CreateSavepointAsync(savepoint, ct);
            Result<T> nested;
            try
            {
                nested = await useCase();
            }
            catch
            {
                await current.RollbackToSavepointAsync(savepoint, ct);
                throw;
            }

            if (nested.Status == ResultStatus.Ok)
            {
                await current.ReleaseSavepointAsync(savepoint, ct);
            }
            else
            {
                await current.RollbackToSavepointAsync(savepoint, ct);
            }

            return nested;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var attempt = 0;
        return await strategy.ExecuteAsync(async () =>
        {
            if (attempt++ > 0)
            {
                db.ChangeTracker.Clear();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            Result<T> result;
            try
            {
                result = await useCase();
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }

            if (result.Status == ResultStatus.Ok)
            {
                await transaction.CommitAsync(ct);
            }
            else
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }

            return result;
        });
    }
}
