using GiamNgheo.Application;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Reviews;

/// <summary>Shared handling of use-case results on the review pages: refusals are shown as flash errors with the Vietnamese reason.</summary>
public abstract class ReviewPage : PageModel
{
    protected IActionResult After<T>(Result<T> result, string okMessage, string redirect)
    {
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Flash"] = okMessage;
                break;
            case ResultStatus.NotFound:
                return NotFound();
            case ResultStatus.Invalid:
                TempData["ReviewError"] = string.Join(" ", result.Errors.SelectMany(e => e.Value));
                break;
            case ResultStatus.Conflict:
            case ResultStatus.Forbidden:
                TempData["ReviewError"] = result.Message;
                break;
        }

        return Redirect(redirect);
    }

    protected static string Ok(string vi, string en) => L.T(vi, en);
}
