using System.Net;
using GiamNgheo.Web.Tests.Infrastructure;

namespace GiamNgheo.Web.Tests.Support;

public class PoorCommunesPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Page_ShowsTheSampleList_RefusesABadFile_CommuneOfficerCannotLoad()
    {
        var client = await app.PageClientAsync("tinh");
        var html = await client.GetStringAsync("/Policies/PoorCommunes");
        Assert.Contains("id=\"poor-communes\"", html, StringComparison.Ordinal);
        Assert.Contains("03158", html, StringComparison.Ordinal);
        Assert.Contains("[M]", html, StringComparison.Ordinal);

        var post = await client.PostAsync("/Policies/PoorCommunes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(html),
            ["Csv"] = "ma_tinh,ma_xa,loai\n11,99999,poor\n",
        }));
        var refused = await post.Content.ReadAsStringAsync();
        Assert.Contains("id=\"poor-errors\"", refused, StringComparison.Ordinal);
        Assert.Contains("99999", refused, StringComparison.Ordinal);
        Assert.Contains("03158", refused, StringComparison.Ordinal);

        var xa = await app.PageClientAsync("xa");
        var page = await xa.GetStringAsync("/Policies/PoorCommunes");
        Assert.DoesNotContain("id=\"poor-import\"", page, StringComparison.Ordinal);
        var forbidden = await xa.PostAsync("/Policies/PoorCommunes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(await xa.GetStringAsync("/Support/Import")),
            ["Csv"] = "ma_tinh,ma_xa,loai\n11,03158,poor\n",
        }));
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
    }
}
