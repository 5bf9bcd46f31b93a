using PdfSharp.Fonts;

namespace GiamNgheo.Application.Documents;

/// <summary>
/// Every PDF uses Noto Sans (SIL OFL 1.1, shipped in Documents/Fonts with its licence): it renders Vietnamese stacked
/// diacritics correctly when PDFsharp subsets it, on a fresh machine with no fonts installed (toolchain.md §6).
/// Call <see cref="EnsureRegistered"/> before creating an XFont; then use <see cref="Family"/>.
/// </summary>
public static class PdfFonts
{
    public const string Family = "Noto Sans";
    private static readonly Lock Gate = new();
    private static bool registered;

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            GlobalFontSettings.FontResolver ??= new NotoSansResolver();
            registered = true;
        }
    }

    /// <summary>The TTF bytes of Noto Sans (regular or bold), also usable by chart renderers.</summary>
    public static byte[] Load(bool bold)
    {
        var name = bold ? "Fonts/NotoSans-Bold.ttf" : "Fonts/NotoSans-Regular.ttf";
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private sealed class NotoSansResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            // Every family resolves to Noto Sans: no PDF of ours may fall back to a font without Vietnamese glyphs.
            new(bold ? "NotoSans-Bold" : "NotoSans-Regular", false, italic);

        public byte[]? GetFont(string faceName) => Load(faceName == "NotoSans-Bold");
    }
}
