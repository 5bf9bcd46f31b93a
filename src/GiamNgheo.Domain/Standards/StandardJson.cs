using System.Text.Json;
using System.Text.Json.Serialization;

namespace GiamNgheo.Domain.Standards;

/// <summary>
/// Reads and writes the standard files (<c>Standards/Data/*.json</c>, or one uploaded by an administrator).
/// Snake-case JSON; every value that carries a verification mark is <c>{"value", "mark", "source"}</c>.
/// </summary>
public static class StandardJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <exception cref="FormatException">The file is not a valid standard; the message says why.</exception>
    public static PovertyStandard Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ToDomain(Parse(() => JsonSerializer.Deserialize<StandardFile>(json, Options)));
    }

    /// <exception cref="FormatException">The file is not a valid standard; the message says why.</exception>
    public static PovertyStandard Deserialize(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ToDomain(Parse(() => JsonSerializer.Deserialize<StandardFile>(utf8Json, Options)));
    }

    public static string Serialize(PovertyStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return JsonSerializer.Serialize(FromDomain(standard), Options);
    }

    private static StandardFile Parse(Func<StandardFile?> read)
    {
        try
        {
            return read() ?? throw new FormatException("The standard file is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The standard file is not valid JSON for a standard: {ex.Message}", ex);
        }
    }

    private static PovertyStandard ToDomain(StandardFile f)
    {
        try
        {
            var indicators = new List<Indicator>();
            foreach (var d in f.Dimensions)
            {
                var dimension = new Dimension(d.Code, d.NameVi, d.NameEn);
                foreach (var i in d.Indicators)
                {
                    indicators.Add(new Indicator
                    {
                        Code = i.Code,
                        Dimension = dimension,
                        NameVi = i.NameVi,
                        NameEn = i.NameEn,
                        DefinitionVi = i.DefinitionVi,
                        DefinitionEn = i.DefinitionEn,
                        Mark = ParseMark(i.Mark),
                        Source = i.Source,
                        Evaluation = i.MemberRule is null
                            ? IndicatorEvaluation.DirectAnswer
                            : IndicatorEvaluation.FromMembers(ParseRule(i.MemberRule.Name), i.MemberRule.Parameters),
                    });
                }
            }

            return new PovertyStandard
            {
                Code = f.Code,
                NameVi = f.NameVi,
                NameEn = f.NameEn,
                LegalBasis = ToMarked(f.LegalBasis),
                RuleArticle = ToMarked(f.RuleArticle),
                ValidFrom = f.ValidFrom,
                ValidTo = f.ValidTo,
                IsProvisional = f.Provisional,
                ProvinceCode = f.ProvinceCode,
                BaseStandardCode = f.BaseStandard,
                Shape = new Marked<RuleShape>(ParseShape(f.Shape.Value), ParseMark(f.Shape.Mark), f.Shape.Source),
                DeprivationThreshold = ToMarked(f.K),
                Rural = ToLines(f.IncomeLines.Rural),
                Urban = ToLines(f.IncomeLines.Urban),
                B1ScoreTable = f.B1Scores?.Table is { } table ? ToTable(table) : null,
                RuralScores = f.B1Scores is null ? null : ToScores(f.B1Scores.Rural),
                UrbanScores = f.B1Scores is null ? null : ToScores(f.B1Scores.Urban),
                Indicators = indicators,
                Notes = f.Notes ?? [],
            }.Validated();
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    private static StandardFile FromDomain(PovertyStandard s) => new()
    {
        Code = s.Code,
        NameVi = s.NameVi,
        NameEn = s.NameEn,
        LegalBasis = FromMarked(s.LegalBasis),
        RuleArticle = FromMarked(s.RuleArticle),
        ValidFrom = s.ValidFrom,
        ValidTo = s.ValidTo,
        Provisional = s.IsProvisional,
        ProvinceCode = s.ProvinceCode,
        BaseStandard = s.BaseStandardCode,
        Shape = new MarkedValue<string> { Value = s.Shape.Value.ToCode(), Mark = s.Shape.Mark.ToCode(), Source = s.Shape.Source },
        K = FromMarked(s.DeprivationThreshold),
        IncomeLines = new AreaPair<LinesFile> { Rural = FromLines(s.Rural), Urban = FromLines(s.Urban) },
        B1Scores = s.RuralScores is null || s.UrbanScores is null
            ? null
            : new ScoresPair
            {
                Table = s.B1ScoreTable is null ? null : FromMarked(s.B1ScoreTable),
                Rural = FromScores(s.RuralScores),
                Urban = FromScores(s.UrbanScores),
            },
        Dimensions = s.Dimensions.Select(d => new DimensionFile
        {
            Code = d.Code,
            NameVi = d.NameVi,
            NameEn = d.NameEn,
            Indicators = s.Indicators.Where(i => i.Dimension.Code == d.Code).Select(i => new IndicatorFile
            {
                Code = i.Code,
                NameVi = i.NameVi,
                NameEn = i.NameEn,
                DefinitionVi = i.DefinitionVi,
                DefinitionEn = i.DefinitionEn,
                Mark = i.Mark.ToCode(),
                Source = i.Source,
                MemberRule = i.Evaluation.Rule is { } rule
                    ? new MemberRuleFile { Name = rule.ToCode(), Parameters = new Dictionary<string, int>(i.Evaluation.Parameters) }
                    : null,
            }).ToList(),
        }).ToList(),
        Notes = s.Notes.Count == 0 ? null : s.Notes.ToList(),
    };

    private static VerificationMark ParseMark(string text) =>
        VerificationMarkCodes.TryParse(text, out var mark) ? mark : throw new FormatException($"Unknown verification mark '{text}' (V, V3, M, D or K).");

    private static RuleShape ParseShape(string text) =>
        RuleShapeCodes.TryParse(text, out var shape) ? shape : throw new FormatException($"Unknown rule shape '{text}' (two_lines or one_line).");

    private static MemberRule ParseRule(string text) =>
        MemberRuleCodes.TryParse(text, out var rule) ? rule : throw new FormatException($"Unknown member rule '{text}'.");

    private static Marked<T> ToMarked<T>(MarkedValue<T> v) => new(v.Value, ParseMark(v.Mark), v.Source);

    private static MarkedValue<T> FromMarked<T>(Marked<T> v) => new() { Value = v.Value, Mark = v.Mark.ToCode(), Source = v.Source };

    private static Marked<string> ToTable(MarkedValue<string> v) =>
        ScoreTables.TryParse(v.Value, out var code)
            ? new Marked<string>(code, ParseMark(v.Mark), v.Source)
            : throw new FormatException($"Unknown B1 score table '{v.Value}' (e.g. {ScoreTables.Tt17Of2016} or {ScoreTables.Tt07Of2021}).");

    private static IncomeLines ToLines(LinesFile l) => new(
        ToMarked(l.PovertyLine),
        l.NearPovertyLine is null ? null : ToMarked(l.NearPovertyLine),
        l.MediumUpperBound is null ? null : ToMarked(l.MediumUpperBound));

    private static LinesFile FromLines(IncomeLines l) => new()
    {
        PovertyLine = FromMarked(l.PovertyLine),
        NearPovertyLine = l.NearPovertyLine is null ? null : FromMarked(l.NearPovertyLine),
        MediumUpperBound = l.MediumUpperBound is null ? null : FromMarked(l.MediumUpperBound),
    };

    private static ScoreLines ToScores(ScoresFile s) => new(
        ToMarked(s.PovertyScore),
        s.NearPovertyScore is null ? null : ToMarked(s.NearPovertyScore));

    private static ScoresFile FromScores(ScoreLines s) => new()
    {
        PovertyScore = FromMarked(s.PovertyScore),
        NearPovertyScore = s.NearPovertyScore is null ? null : FromMarked(s.NearPovertyScore),
    };

    private sealed class StandardFile
    {
        public required string Code { get; set; }
        public required string NameVi { get; set; }
        public required string NameEn { get; set; }
        public required MarkedValue<string> LegalBasis { get; set; }
        public required MarkedValue<string> RuleArticle { get; set; }
        public required DateOnly ValidFrom { get; set; }
        public required DateOnly ValidTo { get; set; }
        public bool Provisional { get; set; }
        public string? ProvinceCode { get; set; }
        public string? BaseStandard { get; set; }
        public required MarkedValue<string> Shape { get; set; }
        public required MarkedValue<int> K { get; set; }
        public required AreaPair<LinesFile> IncomeLines { get; set; }
        public ScoresPair? B1Scores { get; set; }
        public required List<DimensionFile> Dimensions { get; set; }
        public List<string>? Notes { get; set; }
    }

    private sealed class MarkedValue<T>
    {
        public required T Value { get; set; }
        public required string Mark { get; set; }
        public string? Source { get; set; }
    }

    private sealed class AreaPair<T>
    {
        public required T Rural { get; set; }
        public required T Urban { get; set; }
    }

    /// <summary><c>b1_scores</c>: the table the thresholds belong to (optional: without it no B1 score is compared) and the thresholds.</summary>
    private sealed class ScoresPair
    {
        public MarkedValue<string>? Table { get; set; }
        public required ScoresFile Rural { get; set; }
        public required ScoresFile Urban { get; set; }
    }

    private sealed class LinesFile
    {
        public required MarkedValue<long> PovertyLine { get; set; }
        public MarkedValue<long>? NearPovertyLine { get; set; }
        public MarkedValue<long>? MediumUpperBound { get; set; }
    }

    private sealed class ScoresFile
    {
        public required MarkedValue<int> PovertyScore { get; set; }
        public MarkedValue<int>? NearPovertyScore { get; set; }
    }

    private sealed class DimensionFile
    {
        public required string Code { get; set; }
        public required string NameVi { get; set; }
        public required string NameEn { get; set; }
        public required List<IndicatorFile> Indicators { get; set; }
    }

    private sealed class IndicatorFile
    {
        public required string Code { get; set; }
        public required string NameVi { get; set; }
        public required string NameEn { get; set; }
        public required string DefinitionVi { get; set; }
        public required string DefinitionEn { get; set; }
        public required string Mark { get; set; }
        public string? Source { get; set; }
        public MemberRuleFile? MemberRule { get; set; }
    }

    private sealed class MemberRuleFile
    {
        public required string Name { get; set; }
        public required Dictionary<string, int> Parameters { get; set; }
    }
}
