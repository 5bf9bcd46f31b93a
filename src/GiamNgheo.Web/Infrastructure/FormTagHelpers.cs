using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using GiamNgheo.Domain.Common;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GiamNgheo.Web.Infrastructure;

/// <summary>
/// Every <c>&lt;input type="date"&gt;</c> of the web UI becomes a text field typed and shown dd/MM/yyyy (a browser date
/// picker follows the browser's language and posts yyyy-MM-dd; offices type 16/02/2026). Runs after the framework's input
/// tag helper: a value it wrote as yyyy-MM-dd is shown dd/MM/yyyy; what the user typed and was refused stays as typed.
/// Read back by <see cref="VietnameseValueBinder"/>.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]")]
public sealed class DateInputTagHelper : TagHelper
{
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("class", AddClass(output, "date"));
        if (!output.Attributes.ContainsName("placeholder"))
        {
            output.Attributes.SetAttribute("placeholder", "dd/mm/yyyy");
        }

        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("maxlength", "10");
        if (output.Attributes.TryGetAttribute("value", out var value)
            && DateOnly.TryParseExact(Text(value.Value), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            output.Attributes.SetAttribute("value", VietnameseDate.Format(date));
        }
    }

    /// <summary>An attribute value as text, whether the page wrote it as a string or as Razor HTML content.</summary>
    internal static string? Text(object? value)
    {
        if (value is IHtmlContent html)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            html.WriteTo(writer, HtmlEncoder.Default);
            return writer.ToString();
        }

        return value?.ToString();
    }

    internal static string AddClass(TagHelperOutput output, string name) =>
        output.Attributes.TryGetAttribute("class", out var existing) && existing.Value?.ToString() is { Length: > 0 } classes
            ? classes + " " + name
            : name;
}

/// <summary>
/// A money field (a property marked <c>[DataType(DataType.Currency)]</c>, whole đồng) is a text field shown with thousands
/// separators (1.600.000) when a form is redisplayed; what the user typed and was refused stays as typed.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
public sealed class MoneyInputTagHelper : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (For.Metadata.DataTypeName != nameof(DataType.Currency))
        {
            return;
        }

        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("class", DateInputTagHelper.AddClass(output, "money"));
        output.Attributes.RemoveAll("step");
        if (output.Attributes.TryGetAttribute("value", out var value)
            && long.TryParse(DateInputTagHelper.Text(value.Value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            output.Attributes.SetAttribute("value", L.Number(amount));
        }
    }
}
