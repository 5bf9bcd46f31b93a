using GiamNgheo.Application.Standards;
using GiamNgheo.Domain.Standards;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Standards;

public sealed class IndexModel(StandardRegistry registry) : PageModel
{
    public IReadOnlyList<(PovertyStandardEntity Row, PovertyStandard Standard)> Standards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Standards = await registry.AllAsync(ct);
}
