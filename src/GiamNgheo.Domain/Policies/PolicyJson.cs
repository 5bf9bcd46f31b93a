using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Domain.Policies;

/// <summary>
/// Reads and writes policy definitions: the shipped <c>Policies/Data/policies.json</c> (an array) and one policy as
/// held in the database. Snake-case JSON; marked values are <c>{"value", "mark", "source"}</c>.
/// </summary>
public static class PolicyJson
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

    /// <exception cref="FormatException">Not a valid policy; the message says why.</exception>
    public static Policy Deserialize(string json) => ToDomain(Parse(() => JsonSerializer.Deserialize<PolicyFile>(json, Options)));

    /// <exception cref="FormatException">Not a valid policy list; the message says why.</exception>
    public static IReadOnlyList<Policy> DeserializeList(Stream utf8Json) =>
        [.. Parse(() => JsonSerializer.Deserialize<List<PolicyFile>>(utf8Json, Options)).Select(ToDomain)];

    public static string Serialize(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return JsonSerializer.Serialize(FromDomain(policy), Options);
    }

    private static T Parse<T>(Func<T?> read)
        where T : class
    {
        try
        {
            return read() ?? throw new FormatException("The policy file is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The policy file is not valid JSON for a policy: {ex.Message}", ex);
        }
    }

    private static Policy ToDomain(PolicyFile f)
    {
        if (string.IsNullOrWhiteSpace(f.Code))
        {
            throw new FormatException("A policy has no code.");
        }

        try
        {
            return new Policy
            {
                Code = f.Code.Trim().ToUpperInvariant(),
                NameVi = f.NameVi,
                NameEn = f.NameEn,
                LegalBasis = ToMarked(f.LegalBasis),
                AgencyVi = f.AgencyVi,
                AgencyEn = f.AgencyEn,
                StandardCode = f.Standard,
                OnRequest = f.OnRequest,
                AnswersDeprivations = f.AnswersDeprivations ?? [],
                AnswersNeeds = f.AnswersNeeds ?? [],
                ValidFrom = DateOnly.ParseExact(f.ValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                ValidTo = f.ValidTo is null ? null : DateOnly.ParseExact(f.ValidTo, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                NotesVi = f.NotesVi,
                Benefit = new PolicyBenefit
                {
                    Kind = Enum.Parse<BenefitKind>(f.Benefit.Kind, ignoreCase: true),
                    Per = Enum.Parse<BenefitUnit>(f.Benefit.Per, ignoreCase: true),
                    Period = Enum.Parse<BenefitPeriod>(f.Benefit.Period, ignoreCase: true),
                    AmountDong = f.Benefit.AmountDong is null ? null : ToMarked(f.Benefit.AmountDong),
                    RatePercent = f.Benefit.RatePercent is null ? null : ToMarked(f.Benefit.RatePercent),
                    DescriptionVi = f.Benefit.DescriptionVi,
                    DescriptionEn = f.Benefit.DescriptionEn ?? string.Empty,
                },
                Eligibility = [.. f.Eligibility.Select(c => new EligibilityClause
                {
                    Categories = [.. (c.Categories ?? []).Select(ParseCategory)],
                    EscapedWithinYears = c.EscapedWithinYears,
                    RequiredGroups = (c.Groups ?? []).Aggregate(SpecialGroups.None, (acc, g) => acc | Enum.Parse<SpecialGroups>(g, ignoreCase: true)),
                    Area = c.Area is null ? null : (AreaTypeCodes.TryParse(c.Area, out var a) ? a : throw new FormatException($"Unknown area '{c.Area}'.")),
                    PoorCommuneOnly = c.PoorCommuneOnly,
                    AnyDeprivation = c.AnyDeprivation ?? [],
                    Mark = ParseMark(c.Mark),
                    Source = c.Source,
                })],
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new FormatException($"Policy {f.Code}: {ex.Message}", ex);
        }
    }

    private static PolicyFile FromDomain(Policy p) => new()
    {
        Code = p.Code,
        NameVi = p.NameVi,
        NameEn = p.NameEn,
        LegalBasis = FromMarked(p.LegalBasis),
        AgencyVi = p.AgencyVi,
        AgencyEn = p.AgencyEn,
        Standard = p.StandardCode,
        OnRequest = p.OnRequest,
        AnswersDeprivations = [.. p.AnswersDeprivations],
        AnswersNeeds = [.. p.AnswersNeeds],
        ValidFrom = p.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValidTo = p.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        NotesVi = p.NotesVi,
        Benefit = new BenefitFile
        {
            Kind = p.Benefit.Kind.ToString(),
            Per = p.Benefit.Per.ToString(),
            Period = p.Benefit.Period.ToString(),
            AmountDong = p.Benefit.AmountDong is null ? null : FromMarked(p.Benefit.AmountDong),
            RatePercent = p.Benefit.RatePercent is null ? null : FromMarked(p.Benefit.RatePercent),
            DescriptionVi = p.Benefit.DescriptionVi,
            DescriptionEn = p.Benefit.DescriptionEn,
        },
        Eligibility = [.. p.Eligibility.Select(c => new ClauseFile
        {
            Categories = [.. c.Categories.Select(x => x.ToCode())],
            EscapedWithinYears = c.EscapedWithinYears,
            Groups = [.. Enum.GetValues<SpecialGroups>().Where(g => g != SpecialGroups.None && c.RequiredGroups.HasFlag(g)).Select(g => g.ToString())],
            Area = c.Area?.ToCode(),
            PoorCommuneOnly = c.PoorCommuneOnly,
            AnyDeprivation = [.. c.AnyDeprivation],
            Mark = c.Mark.ToCode(),
            Source = c.Source,
        })],
    };

    private static HouseholdCategory ParseCategory(string text) =>
        HouseholdCategoryCodes.TryParse(text, out var c) ? c : throw new FormatException($"Unknown category '{text}'.");

    private static VerificationMark ParseMark(string? text) =>
        VerificationMarkCodes.TryParse(text, out var mark) ? mark : throw new FormatException($"Unknown verification mark '{text}' (V, V3, M or D).");

    private static Marked<T> ToMarked<T>(MarkedValue<T> v) => new(v.Value, ParseMark(v.Mark), v.Source);

    private static MarkedValue<T> FromMarked<T>(Marked<T> v) => new() { Value = v.Value, Mark = v.Mark.ToCode(), Source = v.Source };

    private sealed class PolicyFile
    {
        public required string Code { get; set; }
        public required string NameVi { get; set; }
        public required string NameEn { get; set; }
        public required MarkedValue<string> LegalBasis { get; set; }
        public required string AgencyVi { get; set; }
        public required string AgencyEn { get; set; }
        public required string Standard { get; set; }
        public bool OnRequest { get; set; }
        public required BenefitFile Benefit { get; set; }
        public required List<ClauseFile> Eligibility { get; set; }
        public List<string>? AnswersDeprivations { get; set; }
        public List<string>? AnswersNeeds { get; set; }
        public required string ValidFrom { get; set; }
        public string? ValidTo { get; set; }
        public string? NotesVi { get; set; }
    }

    private sealed class BenefitFile
    {
        public required string Kind { get; set; }
        public required string Per { get; set; }
        public required string Period { get; set; }
        public MarkedValue<long>? AmountDong { get; set; }
        public MarkedValue<decimal>? RatePercent { get; set; }
        public required string DescriptionVi { get; set; }
        public string? DescriptionEn { get; set; }
    }

    private sealed class ClauseFile
    {
        public List<string>? Categories { get; set; }
        public int? EscapedWithinYears { get; set; }
        public List<string>? Groups { get; set; }
        public string? Area { get; set; }
        public bool PoorCommuneOnly { get; set; }
        public List<string>? AnyDeprivation { get; set; }
        public string? Mark { get; set; }
        public string? Source { get; set; }
    }

    private sealed class MarkedValue<T>
    {
        public required T Value { get; set; }
        public required string Mark { get; set; }
        public string? Source { get; set; }
    }
}
