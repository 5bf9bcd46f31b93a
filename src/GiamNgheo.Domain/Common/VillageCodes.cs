using System.Globalization;

namespace GiamNgheo.Domain.Common;

/// <summary>
/// Village (thôn, tổ dân phố, bản, ấp…) codes: the commune code, a dash and a three-digit sequence, e.g. <c>03151-004</c>.
/// The one numbering rule for every place that creates villages (the unit page/API, the importer, the demo seeder).
/// </summary>
public static class VillageCodes
{
    /// <summary>The code of village number <paramref name="sequence"/> of the commune.</summary>
    public static string Format(string communeCode, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{communeCode}-{sequence:000}");

    /// <summary>
    /// The next code for a new village of <paramref name="communeCode"/>, given the codes of every village the commune
    /// has or had (<paramref name="existingCodes"/>, expired ones included): one past the highest sequence used (and
    /// past the number of villages, for codes in another form), so it never reuses a code, even after a village in the
    /// middle was removed or renamed. Deterministic: the same codes give the same answer.
    /// </summary>
    public static string Next(string communeCode, IEnumerable<string> existingCodes)
    {
        ArgumentNullException.ThrowIfNull(communeCode);
        ArgumentNullException.ThrowIfNull(existingCodes);
        var taken = new HashSet<string>(existingCodes, StringComparer.Ordinal);
        var max = 0;
        foreach (var code in taken)
        {
            if (code.Length > communeCode.Length + 1 && code.StartsWith(communeCode, StringComparison.Ordinal) && code[communeCode.Length] == '-'
                && int.TryParse(code.AsSpan(communeCode.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                max = Math.Max(max, n);
            }
        }

        for (var sequence = Math.Max(max, taken.Count) + 1; ; sequence++)
        {
            var next = Format(communeCode, sequence);
            if (!taken.Contains(next))
            {
                return next;
            }
        }
    }
}
