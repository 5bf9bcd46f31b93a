using System.Net;
using GiamNgheo.Web.Tests.Infrastructure;

namespace GiamNgheo.Web.Tests.Reports;

public class DistrictReportPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Reports_Province2024_OffersOldDistrictsAndOpensDistrictReport()
    {
        var client = await app.PageClientAsync("tinh");

        var province = await client.GetStringAsync("/Reports?unit=11&year=2024&standard=ND07_2021&form=1");
        Assert.Contains("id=\"districts\"", province, StringComparison.Ordinal);
        Assert.Contains("unit=096", province, StringComparison.Ordinal);
        var district = await client.GetAsync("/Reports?unit=096&year=2024&standard=ND07_2021&form=1");
        Assert.Equal(HttpStatusCode.OK, district.StatusCode);
        var current = await client.GetStringAsync("/Reports?unit=11&year=2025&standard=ND07_2021&form=1");
        Assert.DoesNotContain("id=\"districts\"", current, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Reports?unit=096&year=2025&standard=ND07_2021&form=1")).StatusCode);

        var api = await app.ApiClientAsync("xa");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/reports/096/2024/ND07_2021?form=1")).StatusCode);
    }
}
