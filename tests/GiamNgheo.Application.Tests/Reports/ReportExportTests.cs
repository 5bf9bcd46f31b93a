using System.Diagnostics;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Tests.Infrastructure;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reports;

public class ReportExportTests
{
    [Fact]
    public async Task Export_ProvinceForm1_XlsxHasOfficialLayoutAndPdfRenders()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await ReportsTestData.SeedAsync(db);
        db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);
        var view = (await db.RunAsync(sp => sp.GetRequiredService<ReportService>().GetAsync("11", 2025, ReportsTestData.Nd07, [1, 15], false, default))).Value!;
        var today = new DateOnly(2026, 11, 20);

        var xlsx = ReportExport.ToXlsx(view.Tables[0], today);
        using var stream = new MemoryStream(xlsx);
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        Assert.StartsWith("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", (string)rows[0]["A"]!);
        Assert.Contains("Biểu số 01", (string)rows[2]["A"]!, StringComparison.Ordinal);
        var total = rows.First(r => r["B"] as string == "Tổng cộng");
        Assert.Equal("Hộ", total["C"]);
        Assert.Equal("6", total["D"]);
        Assert.Contains(rows, r => (r["A"] as string ?? string.Empty).Contains("NGƯỜI LẬP BIỂU", StringComparison.Ordinal));

        foreach (var table in view.Tables)
        {
            var pdf = ReportExport.ToPdf(table, today);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
            var dir = Path.Combine(AppContext.BaseDirectory, "report-pdfs");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, ReportExport.FileName(table, "pdf"));
            await File.WriteAllBytesAsync(file, pdf);
            using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", file, file]) { RedirectStandardError = true });
            if (process is not null)
            {
                await process.WaitForExitAsync();
                Assert.Equal(0, process.ExitCode);
            }
        }
    }
}
