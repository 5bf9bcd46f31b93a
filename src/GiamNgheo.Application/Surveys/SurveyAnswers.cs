using System.Text.Json;
using GiamNgheo.Application.Interchange;

namespace GiamNgheo.Application.Surveys;

/// <summary>
/// How a survey's direct answers (indicator code → deprived) are stored in <c>household_surveys.Answers</c>. Two forms
/// are read:
/// <list type="bullet">
/// <item>compact, <c>~</c> followed by one character per code of <see cref="Codebook"/> in its order: <c>1</c> deprived,
/// <c>0</c> not deprived, <c>.</c> not answered (trailing <c>.</c> left out), e.g. <c>~01</c> = employment not deprived,
/// dependants deprived, the rest not answered — 18 bytes instead of a 330-byte JSON object for a full survey;</item>
/// <item>a JSON object <c>{"code":true,…}</c>, written when an answer's code is not in the codebook (an indicator of a
/// province's own standard) and by versions before the compact form.</item>
/// </list>
/// </summary>
public static class SurveyAnswers
{
    public const char CompactMark = '~';

    /// <summary>
    /// The codes of the compact form. <b>Append only</b>: a stored <c>~…</c> text is read against this list forever, so a
    /// code is never removed or moved (a test pins the list). The first 17 are the interchange format's indicator columns.
    /// </summary>
    public static IReadOnlyList<string> Codebook { get; } =
    [
        "employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_schooling", "housing_quality",
        "housing_area", "water", "sanitation", "telecom", "information_devices", "adult_education_2016", "child_schooling_2016",
        "health_access", "telecom_2016", "information_assets",
    ];

    private static readonly Dictionary<string, int> Position =
        Codebook.Select((code, i) => (code, i)).ToDictionary(p => p.code, p => p.i, StringComparer.Ordinal);

    /// <summary>Codebook position of each interchange indicator column (<see cref="HouseholdColumns.Indicators"/>).</summary>
    private static readonly int[] ColumnPosition = [.. HouseholdColumns.Indicators.Select(c => Position[c.Code])];

    public static string Format(IReadOnlyDictionary<string, bool> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            return "{}";
        }

        if (!answers.Keys.All(Position.ContainsKey))
        {
            return JsonSerializer.Serialize(answers.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value));
        }

        var length = answers.Keys.Max(code => Position[code]) + 1;
        return string.Create(length + 1, answers, static (span, answers) =>
        {
            span[0] = CompactMark;
            span[1..].Fill('.');
            foreach (var (code, deprived) in answers)
            {
                span[Position[code] + 1] = deprived ? '1' : '0';
            }
        });
    }

    /// <summary>The answers of one interchange row (its indicator columns) in the compact form.</summary>
    public static string Format(IndicatorAnswers answers)
    {
        if (answers.Answered == 0)
        {
            return "{}";
        }

        Span<char> text = stackalloc char[Codebook.Count + 1];
        text.Fill('.');
        text[0] = CompactMark;
        var length = 1;
        for (var i = 0; i < ColumnPosition.Length; i++)
        {
            if (answers.Get(i) is { } deprived)
            {
                var at = ColumnPosition[i] + 1;
                text[at] = deprived ? '1' : '0';
                length = Math.Max(length, at + 1);
            }
        }

        return new string(text[..length]);
    }

    public static Dictionary<string, bool> Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (text[0] != CompactMark)
        {
            return JsonSerializer.Deserialize<Dictionary<string, bool>>(text) ?? [];
        }

        if (text.Length - 1 > Codebook.Count)
        {
            throw new FormatException($"Compact survey answers longer than the codebook ({Codebook.Count} codes).");
        }

        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '1':
                    answers[Codebook[i - 1]] = true;
                    break;
                case '0':
                    answers[Codebook[i - 1]] = false;
                    break;
                case '.':
                    break;
                default:
                    throw new FormatException($"Compact survey answers: '{text[i]}' at position {i} is not 1, 0 or '.'.");
            }
        }

        return answers;
    }
}
