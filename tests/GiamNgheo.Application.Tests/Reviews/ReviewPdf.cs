using System.Diagnostics;

namespace GiamNgheo.Application.Tests.Reviews;

/// <summary>Renders the first page of a review PDF with poppler (pdftoppm → PNG, pdftotext → text) for the tests to check.</summary>
internal static class ReviewPdf
{
    /// <summary>Writes the PDF under bin/…/review-pdfs, renders its first page as PNG and returns the text of the first page and of the whole document.</summary>
    public static async Task<(string PngPath, string FirstPage, string All)> RenderAsync(byte[] pdf, string name)
    {
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var dir = Path.Combine(AppContext.BaseDirectory, "review-pdfs");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, name + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        await RunAsync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(dir, name)]);
        var png = Path.Combine(dir, name + ".png");
        Assert.True(new FileInfo(png).Length > 10_000, "the first page renders as an image with content");
        var first = await RunAsync("pdftotext", ["-f", "1", "-l", "1", "-layout", file, "-"]);
        var all = await RunAsync("pdftotext", ["-layout", file, "-"]);
        return (png, first, all);
    }

    private static async Task<string> RunAsync(string tool, string[] args)
    {
        var info = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException(tool + " did not start (poppler-utils is required).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
