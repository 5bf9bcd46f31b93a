using System.Text;
using CsCheck;
using GiamNgheo.Domain.Common;

namespace GiamNgheo.Domain.Tests.Common;

public sealed class VietnameseTextTests
{
    /// <summary>The slow path, as NormalizeName was before its fast path: NFC, then runs of whitespace to one space, trimmed.</summary>
    private static string Reference(string value)
    {
        var nfc = value.Normalize(NormalizationForm.FormC);
        return string.Join(' ', nfc.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("Nguyễn Thị Hiền", "Nguyễn Thị Hiền")]
    [InlineData("  Lù   Văn\tKhiêm ", "Lù Văn Khiêm")]
    [InlineData("Nguye\u0302\u0303n", "Nguyễn")] // decomposed (NFD) input
    [InlineData("Hà\u00A0Giang", "Hà Giang")] // no-break space
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void NormalizeName_Examples_NfcAndSingleSpaces(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.NormalizeName(input));
        Assert.True(VietnameseText.NormalizeName(input).IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void NormalizeName_RandomVietnameseText_EqualsNfcWithCollapsedWhitespace()
    {
        // Letters from the blocks the fast path trusts, combining marks, and every kind of space.
        var alphabet = "aăâeêioôơuưyđAĂÂĐ bcdgh \t\u00A0ÀÁẢÃẠàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B";
        Gen.String[Gen.Char[alphabet], 0, 30].Sample(text => Assert.Equal(Reference(text), VietnameseText.NormalizeName(text)), iter: 20_000);
    }
}
