using GiamNgheo.Application;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Infrastructure;

internal static class PageErrors
{
    /// <summary>Puts use-case validation errors (camelCase field names) on the page's Input.* fields.</summary>
    public static void AddTo(ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, string prefix = "Input.")
    {
        foreach (var (field, messages) in errors)
        {
            var key = prefix + char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }

    /// <summary>
    /// Post/redirect/get after a form's use case: on success a flash message and a redirect; not found (or outside the
    /// scope) a 404; otherwise null with the errors on the page, so it is shown again with the user's input kept.
    /// </summary>
    public static IActionResult? AfterSave<T>(this PageModel page, Result<T> result, string flash, Func<T, string> redirectTo)
    {
        switch (result.Status)
        {
            case ResultStatus.Ok:
                page.TempData["Flash"] = flash;
                return new RedirectResult(redirectTo(result.Value!));
            case ResultStatus.NotFound:
                return new NotFoundResult();
            case ResultStatus.Invalid:
                AddTo(page.ModelState, result.Errors);
                return null;
            case ResultStatus.Conflict:
            case ResultStatus.Forbidden:
                page.ModelState.AddModelError(string.Empty, result.Message!);
                return null;
        }

        return null;
    }
}
