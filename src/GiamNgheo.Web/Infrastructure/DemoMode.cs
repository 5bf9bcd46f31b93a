namespace GiamNgheo.Web.Infrastructure;

/// <summary>
/// Whether this start serves the demo province and its documented accounts. Only when asked for (<c>Demo:Seed=true</c>,
/// off by default) and never in the Production environment — the environment of a published app, which has no
/// <c>Properties/launchSettings.json</c>; <c>dotnet run</c> from the source tree runs as <c>Local</c>. Every page shows a
/// banner while it is on.
/// </summary>
public sealed record DemoMode(bool On, bool RefusedInProduction)
{
    public static DemoMode From(IConfiguration configuration, IHostEnvironment environment)
    {
        var asked = configuration.GetValue("Demo:Seed", false);
        return environment.IsProduction() ? new DemoMode(false, asked) : new DemoMode(asked, false);
    }
}
