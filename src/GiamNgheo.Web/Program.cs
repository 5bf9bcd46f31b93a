using GiamNgheo.Web.Pages.Imports;
using System.Globalization;
using System.Text.Json.Serialization;
using GiamNgheo.Application;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Web.Api;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddApplication(builder.Configuration);
builder.Services.AddImportJobs();
builder.Services.AddHttpContextAccessor();
// Keys for cookies and tokens survive restarts: kept beside the database unless configured elsewhere.
builder.Services.AddDataProtection().SetApplicationName("GiamNgheo")
    .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:Path"]
        ?? Path.Combine(DatabaseSettings.RepositoryRoot(), "data", "keys")));
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddScoped<DataNames>();

builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = "cookie-or-bearer";
        o.DefaultChallengeScheme = "cookie-or-bearer";
    })
    .AddPolicyScheme("cookie-or-bearer", "Cookie for pages, bearer token for scripts", o =>
        o.ForwardDefaultSelector = ctx =>
            ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme)
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/Login";
    o.AccessDeniedPath = "/Account/Denied";
    o.Cookie.Name = "giamngheo";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
});
// The user store is registered by AddApplication (IdentitySetup.AddUsers); the web adds sign-in on top of it.
new IdentityBuilder(typeof(AppUser), typeof(IdentityRole), builder.Services)
    .AddSignInManager()
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
    .AddDefaultTokenProviders();
// Page and API policies: one rule for the pages, the menu and the edit buttons (Infrastructure/PageAccess).
builder.Services.AddAuthorization(PageAccess.AddPolicies);
builder.Services.AddSingleton(DemoMode.From(builder.Configuration, builder.Environment));

builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/");
    o.Conventions.AllowAnonymousToPage("/Account/Login");
    o.Conventions.AllowAnonymousToPage("/Account/Denied");
    o.Conventions.AllowAnonymousToPage("/Error");
    o.Conventions.AllowAnonymousToPage("/Status");
    PageAccess.Apply(o.Conventions);
}).AddMvcOptions(FormValues.Register); // dd/MM/yyyy dates, 1.600.000 numbers, Vietnamese binding messages
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
});
builder.Services.AddProblemDetails();
// Vietnamese text is written as UTF-8, not as &#x…; entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddOpenApi();
builder.Services.AddRequestLocalization(o =>
{
    var cultures = new[] { new CultureInfo("vi-VN"), new CultureInfo("en-GB") };
    o.DefaultRequestCulture = new RequestCulture("vi-VN");
    o.SupportedCultures = cultures;
    o.SupportedUICultures = cultures;
    o.RequestCultureProviders = [new CookieRequestCultureProvider()];
});

var app = builder.Build();
await Startup.InitializeAsync(app);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

// Pages get a Vietnamese status page; the API gets ProblemDetails.
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal),
    b => b.UseStatusCodePagesWithReExecute("/Status", "?code={0}"));
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal),
    b => b.UseStatusCodePages());
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseSessionValidation();
app.UseAuthorization();
app.UseAntiforgery();

app.MapGet("/health", HealthApi.Get).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapAuthApi();
app.MapAdminUnitsApi();
app.MapHouseholdsApi();
app.MapReviewsApi();
app.MapReportsApi();
app.MapSupportApi();
app.MapPoliciesApi();
app.MapUsersApi();
app.MapGet("/language", LanguageEndpoint.Set).AllowAnonymous().ExcludeFromDescription();
app.MapRazorPages();
app.Run();

static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
{
    if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
    {
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    ctx.Response.Redirect(ctx.RedirectUri);
    return Task.CompletedTask;
}
