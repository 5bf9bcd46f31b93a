using GiamNgheo.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace GiamNgheo.Web.Tests.Users;

/// <summary>The demo only when asked for, and never in Production (a published app).</summary>
public class DemoModeTests
{
    [Theory]
    [InlineData(null, "Local", false, false)]
    [InlineData("false", "Local", false, false)]
    [InlineData("true", "Local", true, false)]
    [InlineData("true", "Testing", true, false)]
    [InlineData("true", "Production", false, true)]
    [InlineData(null, "Production", false, false)]
    public void DemoMode_OnlyWhenAskedAndNeverInProduction(string? seed, string environment, bool on, bool refused)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Seed"] = seed }).Build();
        var mode = DemoMode.From(configuration, new HostingEnvironment { EnvironmentName = environment });
        Assert.Equal(on, mode.On);
        Assert.Equal(refused, mode.RefusedInProduction);
    }
}
