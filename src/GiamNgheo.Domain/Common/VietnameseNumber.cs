using System.Globalization;

namespace GiamNgheo.Domain.Common;

/// <summary>Numbers as Vietnamese documents write them: 1.500.000 (dot thousands separator).</summary>
public static class VietnameseNumber
{
    public static string Format(long value) =>
        value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
}
