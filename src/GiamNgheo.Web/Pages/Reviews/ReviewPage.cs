using System.Text.Json;
using GiamNgheo.Application;
using GiamNgheo.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiamNgheo.Web.Pages.Reviews;

/// <summary>
/// Shared handling of use-case results on the review pages: refusals are shown as flash errors with the Vietnamese reason,
/// and what was typed in the refused form comes back in its fields (<see cref="Typed"/>), so nothing has to be typed again.
/// </summary>
public abstract class ReviewPage : PageModel
{
    private const string TypedKey = "ReviewTyped";
    private Dictionary<string, string>? typed;

    protected IActionResult After<T>(Result<T> result, string okMessage, string redirect)
    {
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Flash"] = okMessage;
                return Redirect(redirect);
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

        KeepTyped();
        return Redirect(redirect);
    }

    /// <summary>Keeps the posted form's values (not the antiforgery token, not files) for the next page view.</summary>
    protected void KeepTyped()
    {
        if (!Request.HasFormContentType)
        {
            return;
        }

        var values = Request.Form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        TempData[TypedKey] = JsonSerializer.Serialize(values);
    }

    /// <summary>What was typed in the field <paramref name="name"/> of a refused form, or <paramref name="fallback"/>.</summary>
    public string? Typed(string name, string? fallback = null)
    {
        typed ??= TempData.Peek(TypedKey) is string json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [] : [];
        return typed.TryGetValue(name, out var value) ? value : fallback;
    }

    /// <summary>Whether the refused form was the one for the row <paramref name="id"/> (its hidden field <paramref name="name"/>).</summary>
    public bool TypedFor(string name, long id) => Typed(name) == id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected static string Ok(string vi, string en) => L.T(vi, en);
}
