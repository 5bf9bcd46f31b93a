using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace GiamNgheo.Web.Pages.Dashboards;

/// <summary>Small server-side SVG charts (line and horizontal bars): no script, print well, scale with the page.</summary>
public static class SvgCharts
{
    private static readonly string[] Palette = ["#b91c1c", "#d97706", "#1d4ed8", "#047857", "#7c3aed", "#be185d"];

    /// <summary>A coordinate (SVG syntax: always a decimal point).</summary>
    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value shown to the reader, written like the tables: 12,5 in Vietnamese (decimal comma), 12.5 in English.</summary>
    public static string Label(double v) => v.ToString("0.##", CultureInfo.CurrentCulture);

    public sealed record Series(string Name, IReadOnlyList<(int X, double Y)> Points);

    /// <summary>A line chart of rates (%) over years.</summary>
    public static IHtmlContent Lines(string title, IReadOnlyList<Series> series, string unit = "%")
    {
        const int w = 520, h = 220, left = 44, right = 150, top = 28, bottom = 30;
        var years = series.SelectMany(s => s.Points.Select(p => p.X)).Distinct().Order().ToList();
        var max = Math.Max(1, series.SelectMany(s => s.Points.Select(p => p.Y)).DefaultIfEmpty(0).Max());
        max = Math.Ceiling(max / 5) * 5;
        double X(int year) => years.Count <= 1 ? left + (w - left - right) / 2.0 : left + (w - left - right) * years.IndexOf(year) / (double)(years.Count - 1);
        double Y(double v) => top + (h - top - bottom) * (1 - v / max);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Noto Sans, sans-serif\" font-size=\"11\">");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"16\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>");
        for (var i = 0; i <= 4; i++)
        {
            var v = max * i / 4;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{w - right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" stroke=\"#ddd\"/><text x=\"{left - 4}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\">{Label(v)}{unit}</text>");
        }

        foreach (var year in years)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(year))}\" y=\"{h - 10}\" text-anchor=\"middle\">{year}</text>");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette[s % Palette.Length];
            var points = series[s].Points.OrderBy(p => p.X).ToList();
            var dash = s % 2 == 1 ? " stroke-dasharray=\"5 3\"" : string.Empty;
            if (points.Count > 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{dash} points=\"{string.Join(' ', points.Select(p => F(X(p.X)) + "," + F(Y(p.Y))))}\"/>");
            }

            foreach (var p in points)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(p.X))}\" cy=\"{F(Y(p.Y))}\" r=\"3.5\" fill=\"{color}\"><title>{WebUtility.HtmlEncode(series[s].Name)} {p.X}: {Label(p.Y)}{unit}</title></circle>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(p.X))}\" y=\"{F(Y(p.Y) - 7)}\" text-anchor=\"middle\" fill=\"{color}\">{Label(p.Y)}</text>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{w - right + 10}\" y=\"{top + s * 18}\" width=\"12\" height=\"4\" fill=\"{color}\"/><text x=\"{w - right + 26}\" y=\"{top + s * 18 + 6}\">{WebUtility.HtmlEncode(series[s].Name)}</text>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>Horizontal bars (e.g. each indicator's contribution to M0, in %).</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<(string Label, double Value)> bars, string unit = "%")
    {
        const int w = 560, left = 240, right = 50, top = 26, bar = 16, gap = 5;
        var h = top + bars.Count * (bar + gap) + 8;
        var max = Math.Max(0.0001, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Noto Sans, sans-serif\" font-size=\"11\">");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"16\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = top + i * (bar + gap);
            var width = (w - left - right) * bars[i].Value / max;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 12}\" text-anchor=\"end\">{WebUtility.HtmlEncode(bars[i].Label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y}\" width=\"{F(Math.Max(0.5, width))}\" height=\"{bar}\" fill=\"{Palette[2]}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(left + width + 4)}\" y=\"{y + 12}\">{Label(bars[i].Value)}{unit}</text>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
