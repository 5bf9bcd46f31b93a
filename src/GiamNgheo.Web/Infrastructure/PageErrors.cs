using Microsoft.AspNetCore.Mvc.ModelBinding;

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
}
