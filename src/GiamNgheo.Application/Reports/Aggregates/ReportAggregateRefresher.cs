using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GiamNgheo.Application.Reports.Aggregates;

/// <summary>
/// Drains the dirty-commune queue every <c>Reports:AggregateRefreshSeconds</c> seconds (default 2; 0 = off), so the
/// dashboards and forms reflect a registry change within seconds even when nobody opens them (reads also refresh the
/// unit's queued communes first). <see cref="DrainOnceAsync"/> is one pass, for tests.
/// </summary>
public sealed partial class ReportAggregateRefresher(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReportAggregateRefresher> logger) : BackgroundService
{
    public async Task<int> DrainOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportAggregates>().RefreshDirtyAsync(null, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Reports:AggregateRefreshSeconds", 2.0);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var refreshed = await DrainOnceAsync(stoppingToken);
                if (refreshed > 0)
                {
                    LogRefreshed(refreshed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed pass is logged and retried on the next tick
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report aggregates refreshed for {Communes} commune(s)")]
    private partial void LogRefreshed(int communes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report aggregate refresh failed; retrying on the next tick")]
    private partial void LogFailed(Exception error);
}
