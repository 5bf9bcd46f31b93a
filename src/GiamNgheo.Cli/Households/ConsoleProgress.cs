using Spectre.Console;

namespace GiamNgheo.Cli.Households;

/// <summary>A progress bar on standard error, only when it is a terminal and the file is large.</summary>
internal static class ConsoleProgress
{
    private const long LargeFileBytes = 16L << 20;

    public static bool ShouldShow(string path) =>
        !Console.IsErrorRedirected && !Console.IsOutputRedirected && new FileInfo(path).Length >= LargeFileBytes;

    /// <summary>Runs <paramref name="work"/>, which reports bytes read so far through its argument.</summary>
    public static T Run<T>(bool show, string description, long totalBytes, Func<Action<long>, T> work)
    {
        if (!show)
        {
            return work(static _ => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(description, maxValue: totalBytes);
                var result = work(bytes => task.Value = bytes);
                task.Value = totalBytes;
                return result;
            });
    }
}
