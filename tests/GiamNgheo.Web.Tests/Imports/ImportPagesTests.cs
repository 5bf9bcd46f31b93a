using System.Net;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Web.Tests.Imports;

public class ImportPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Export_CommuneOfficerOwnCommune_StreamsInterchangeCsvAndIsAudited()
    {
        var client = await app.PageClientAsync("xa");
        var html = await client.GetStringAsync("/Imports");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(html), ["unit"] = AppFactory.CommuneA, ["format"] = "households",
        });

        var response = await client.PostAsync("/Imports?handler=Export", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.StartsWith("household_code,commune_code,village,", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 100);
        Assert.All(lines.Skip(1), l => Assert.Contains("," + AppFactory.CommuneA + ",", l, StringComparison.Ordinal));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditRecords.AnyAsync(a => a.Action == "export" && a.EntityId == AppFactory.CommuneA && a.UserName == "xa"));
    }

    [Fact]
    public async Task Export_Xlsx_WorkbookWithBothSheetsOfTheCommune()
    {
        var client = await app.PageClientAsync("xa");
        var html = await client.GetStringAsync("/Imports");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(html), ["unit"] = AppFactory.CommuneA, ["format"] = "xlsx",
        });

        var response = await client.PostAsync("/Imports?handler=Export", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Hộ gia đình", "Thành viên"], MiniExcelLibs.MiniExcel.GetSheetNames(stream));
        stream.Position = 0;
        var households = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Hộ gia đình").Cast<IDictionary<string, object?>>().ToList();
        Assert.True(households.Count > 100);
        Assert.All(households, h => Assert.Equal(AppFactory.CommuneA, h["commune_code"]));
    }

    [Fact]
    public async Task Export_OtherCommune_NotFound()
    {
        var client = await app.PageClientAsync("xa");
        var html = await client.GetStringAsync("/Imports");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(html), ["unit"] = AppFactory.CommuneB, ["format"] = "households",
        });

        var response = await client.PostAsync("/Imports?handler=Export", form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Template_Workbook_HasBothSheetsAndNotes()
    {
        var client = await app.PageClientAsync("xa");

        var bytes = await client.GetByteArrayAsync("/Imports?handler=Template&kind=xlsx");

        using var stream = new MemoryStream(bytes);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(stream);
        Assert.Equal(["Hộ gia đình", "Thành viên", "Ghi chú", "Danh mục"], sheets);
    }
}
