using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using GiamNgheo.Domain.Reports;
using GiamNgheo.Domain.Standards;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reports;

/// <summary>
/// The rows of the detailed lists 14–15: the year's poor and near-poor classifications of the unit (index
/// province/commune, year, standard, category) with, per household, its code and groups, the survey's needs, last
/// year's category and the "on the list earlier in the period" flags, and its members. Only what the lists print is
/// read. Gives the same lines as <see cref="ReportDataLoader.LoadRowsAsync"/> (same unit restrictions on every source),
/// which stays the reference (tested on both databases). How depends on the engine, because what costs differs:
/// SQLite reads everything in one query with the members packed as JSON (<see cref="ListSql"/>), PostgreSQL in three
/// EF queries (<see cref="LoadByQueriesAsync"/>).
/// </summary>
/// <remarks>
/// On SQLite one row per household is the point: at 1 M households a 53,000-household commune lists 13,177 households
/// with 45,835 members. Extracting the members' values inside SQLite takes ≈ 25 ms, handing them over as 45,835 rows of
/// 7 values ≈ 150 ms; packed as JSON the whole list reads in ≈ 150–200 ms instead of 200–300 ms for the three queries.
/// Written as SQL (names from the model) because EF cannot translate the JSON aggregates.
/// </remarks>
public sealed class ReportListLoader(AppDbContext db)
{
    public async Task<List<ReportHousehold>> LoadAsync(ReportUnitInfo unit, int year, PovertyStandard standard, CancellationToken ct)
    {
        await using var snapshot = await ReportReads.BeginAsync(db, ct);
        return db.Database.IsNpgsql() ? await LoadByQueriesAsync(unit, year, standard, ct) : await LoadPackedAsync(unit, year, standard, ct);
    }

    /// <summary>
    /// PostgreSQL: three no-tracking EF queries — the listed classifications with, per household, its code and groups
    /// (join on the key) and the survey's needs (a correlated index lookup: PostgreSQL hashed a join on a sequential scan
    /// of the whole year's surveys); their earlier years (one IN query over the covering index, folded in memory); their
    /// members joined on the same classifications. PostgreSQL hands rows over cheaply, and the single query with a JSON
    /// array per household measured slower there (a commune's list rows 370–430 ms against 270 ms at 1 M households).
    /// </summary>
    private async Task<List<ReportHousehold>> LoadByQueriesAsync(ReportUnitInfo unit, int year, PovertyStandard standard, CancellationToken ct)
    {
        var standardCode = standard.Code;
        var province = unit.Level == AdminLevel.Province;
        var code = unit.Code;
        var periodStart = Math.Min(standard.ValidFrom.Year, year);
        var previousYear = year - 1;

        var classifications = db.HouseholdClassifications.AsNoTracking().Where(c => c.StandardCode == standardCode);
        classifications = province ? classifications.Where(c => c.ProvinceCode == code) : classifications.Where(c => c.CommuneCode == code);
        var earlier = classifications.Where(c => c.Year >= periodStart && c.Year < year);
        var listed = classifications.Where(c => c.Year == year && (c.Category == HouseholdCategory.Poor || c.Category == HouseholdCategory.NearPoor));

        var households = db.Households.AsNoTracking();
        households = province ? households.Where(h => h.ProvinceCode == code) : households.Where(h => h.CommuneCode == code);
        var surveys = db.HouseholdSurveys.AsNoTracking().Where(s => s.Year == year);
        if (province)
        {
            surveys = surveys.Where(s => s.ProvinceCode == code);
        }

        // The listed classifications come from the covering index (unit, year, standard, category, household, village…);
        // each listed household is then one primary-key lookup (code, groups) and one survey lookup (needs). A household
        // that has left the unit keeps its list line without code, groups, needs or members, as the reference loader.
        var heads = await (from c in listed
                           join h in households on c.HouseholdId equals h.Id into hs
                           from h in hs.DefaultIfEmpty()
                           select new
                           {
                               c.HouseholdId,
                               c.Category,
                               c.CommuneCode,
                               c.VillageCode,
                               InUnit = h != null,
                               Code = h != null ? h.Code : null,
                               Groups = h != null ? (SpecialGroups?)h.Groups : null,
                               // A correlated lookup (index household, year), not a join: PostgreSQL hashed a join on
                               // a sequential scan of the whole year's surveys.
                               Needs = province || h != null
                                   ? surveys.Where(s => s.HouseholdId == c.HouseholdId).Select(s => (SupportNeeds?)s.Needs).FirstOrDefault()
                                   : null,
                           })
            .ToListAsync(ct);

        // Earlier years of the listed households (a correlated range lookup would let SQLite's planner scan the
        // unit's index per household): one IN query over the covering index, folded in memory.
        var listedIds = listed.Select(c => c.HouseholdId);
        var history = new Dictionary<long, (HouseholdCategory? Previous, bool Poor, bool NearPoor)>();
        foreach (var p in await earlier.Where(p => listedIds.Contains(p.HouseholdId)).Select(p => new { p.HouseholdId, p.Year, p.Category }).ToListAsync(ct))
        {
            var (previous, poor, near) = history.GetValueOrDefault(p.HouseholdId);
            history[p.HouseholdId] = p.Year == previousYear
                ? (p.Category, poor, near)
                : (previous, poor || p.Category == HouseholdCategory.Poor, near || p.Category == HouseholdCategory.NearPoor);
        }

        // Members of the listed households; those of a household outside the unit are dropped below (members carry
        // the province code, so only a commune needs that check, made on the heads already read).
        var members = db.Members.AsNoTracking();
        if (province)
        {
            members = members.Where(m => m.ProvinceCode == code);
        }

        var lines = await (from m in members
                           join c in listed on m.HouseholdId equals c.HouseholdId
                           select new { m.HouseholdId, m.Order, m.FullName, m.DateOfBirth, m.Sex, m.EthnicityCode, m.RelationToHead })
            .ToListAsync(ct);
        var inUnit = heads.Where(h => h.InUnit).Select(h => h.HouseholdId).ToHashSet();
        var text = await MemberText.LoadAsync(db, ct);
        var byHousehold = new Dictionary<long, List<ReportMember>>(heads.Count);
        foreach (var m in lines)
        {
            if (!inUnit.Contains(m.HouseholdId))
            {
                continue;
            }

            if (!byHousehold.TryGetValue(m.HouseholdId, out var list))
            {
                byHousehold[m.HouseholdId] = list = new List<ReportMember>(4);
            }

            list.Add(text.Member(m.Order, m.FullName, m.DateOfBirth.Year, m.Sex, m.EthnicityCode, m.RelationToHead));
        }

        return [.. heads.Select(h =>
        {
            var (previous, poorBefore, nearPoorBefore) = history.GetValueOrDefault(h.HouseholdId);
            return Line(h.HouseholdId, h.Code, province ? h.CommuneCode : h.VillageCode, h.Category, previous, poorBefore, nearPoorBefore,
                h.Groups ?? SpecialGroups.None, (int)(h.Needs ?? SupportNeeds.None), byHousehold.GetValueOrDefault(h.HouseholdId) ?? []);
        })];
    }

    /// <summary>SQLite: the one query of <see cref="ListSql"/>.</summary>
    private async Task<List<ReportHousehold>> LoadPackedAsync(ReportUnitInfo unit, int year, PovertyStandard standard, CancellationToken ct)
    {
        var province = unit.Level == AdminLevel.Province;
        var periodStart = Math.Min(standard.ValidFrom.Year, year);
        var lines = await ListQuery(province).ToListAsync(ct);
        var text = await MemberText.LoadAsync(db, ct);
        var buffer = new ArrayBufferWriter<byte>(1024);
        return [.. lines.Select(h =>
        {
            var history = h.History ?? 0;
            return Line(h.HouseholdId, h.Code, province ? h.CommuneCode : h.VillageCode, (HouseholdCategory)h.Category,
                history >= 4 ? (HouseholdCategory)(history / 4 - 1) : null, (history & 2) != 0, (history & 1) != 0,
                (SpecialGroups)(h.Groups ?? 0), h.Needs ?? 0, h.InUnit && h.Members is not null ? ParseMembers(h.Members, buffer, text) : []);
        })];

        IQueryable<ListLine> ListQuery(bool province) => db.Database.SqlQueryRaw<ListLine>(
            ListSql(province), unit.Code, year, standard.Code, year - 1, periodStart);
    }

    /// <summary>
    /// A list line. A household that has left the unit (no code) keeps its line under its id, without groups, needs or
    /// members, as in the reference loader; the form orders the members by their number.
    /// </summary>
    private static ReportHousehold Line(
        long householdId, string? code, string? unitCode, HouseholdCategory category, HouseholdCategory? previous, bool poorBefore, bool nearPoorBefore,
        SpecialGroups groups, int needs, IReadOnlyList<ReportMember> members) => new()
    {
        HouseholdId = householdId,
        HouseholdCode = code ?? householdId.ToString(CultureInfo.InvariantCulture),
        UnitCode = unitCode ?? string.Empty,
        Category = category,
        PreviousCategory = previous,
        EscapedPoorEarlierInPeriod = poorBefore,
        EscapedNearPoorEarlierInPeriod = nearPoorBefore,
        Groups = groups,
        Needs = needs,
        Members = members,
    };

    /// <summary>How a list prints a member's ethnic group (its name) and relation to the head (in Vietnamese).</summary>
    private sealed class MemberText(Dictionary<string, string> ethnicNames)
    {
        private static readonly Dictionary<RelationToHead, string> Relations = Enum.GetValues<RelationToHead>().ToDictionary(r => r, r => r.ToVietnamese());

        public static async Task<MemberText> LoadAsync(AppDbContext db, CancellationToken ct) =>
            new(await db.EthnicGroups.AsNoTracking().ToDictionaryAsync(e => e.Code, e => e.Name, ct));

        public ReportMember Member(int order, string fullName, int birthYear, Sex sex, string ethnicityCode, RelationToHead relation) =>
            new(order, fullName, birthYear, sex, ethnicNames.GetValueOrDefault(ethnicityCode, ethnicityCode), Relations[relation]);
    }

    /// <summary>One listed household as <see cref="ListSql"/> returns it.</summary>
    private sealed class ListLine
    {
        public long HouseholdId { get; set; }
        public int Category { get; set; }
        public required string CommuneCode { get; set; }
        public string? VillageCode { get; set; }
        public bool InUnit { get; set; }
        public string? Code { get; set; }
        public int? Groups { get; set; }
        public int? Needs { get; set; }
        /// <summary>(last year's category + 1) × 4 + 2 × poor earlier + near-poor earlier; null without earlier classifications.</summary>
        public int? History { get; set; }
        /// <summary>JSON array of [order, full name, date of birth, sex, ethnicity code, relation] per member.</summary>
        public string? Members { get; set; }
    }

    /// <summary>
    /// The list query; parameters {0} unit code, {1} year, {2} standard, {3} previous year, {4} first year of the
    /// standard's period. Every source is restricted to the unit as in the reference loader: classifications by the
    /// unit's own column, the household by it too (a household that moved away is listed without its details), the
    /// members and surveys of a province by the province code.
    /// </summary>
    private string ListSql(bool province)
    {
        string C(string alias, string property) => alias + "." + db.Column<HouseholdClassificationEntity>(property);
        string H(string property) => "h." + db.Column<HouseholdEntity>(property);
        string S(string property) => "s." + db.Column<HouseholdSurveyEntity>(property);
        string M(string property) => "m." + db.Column<MemberEntity>(property);
        var unitColumn = province ? nameof(HouseholdClassificationEntity.ProvinceCode) : nameof(HouseholdClassificationEntity.CommuneCode);
        var householdUnit = province ? nameof(HouseholdEntity.ProvinceCode) : nameof(HouseholdEntity.CommuneCode);
        var classifications = db.Table<HouseholdClassificationEntity>();
        var householdId = C("c", nameof(HouseholdClassificationEntity.HouseholdId));
        var memberValues = string.Join(", ", M(nameof(MemberEntity.Order)), M(nameof(MemberEntity.FullName)), M(nameof(MemberEntity.DateOfBirth)),
            M(nameof(MemberEntity.Sex)), M(nameof(MemberEntity.EthnicityCode)), M(nameof(MemberEntity.RelationToHead)));
        var packed = $"json_group_array(json_array({memberValues}))";
        // Last year's category and the earlier-period flags from one lookup of the household's earlier classifications
        // (index household, year, standard), packed in one number: (last year's category + 1) × 4 + 2 × "poor in an
        // earlier year" + "near-poor in an earlier year". The unit test is written so that it cannot use the unit's
        // index (`|| ''`): SQLite would otherwise scan the unit's earlier years for every household.
        string E(string property) => C("e", property);
        var category = E(nameof(HouseholdClassificationEntity.Category));
        var earlierYear = E(nameof(HouseholdClassificationEntity.Year));
        var history = $"""
            (SELECT COALESCE(MAX(CASE WHEN {earlierYear} = {PreviousYear} THEN ({category} + 1) * 4 END), 0)
                  + MAX(CASE WHEN {earlierYear} < {PreviousYear} AND {category} = {(int)HouseholdCategory.Poor} THEN 2 ELSE 0 END)
                  + MAX(CASE WHEN {earlierYear} < {PreviousYear} AND {category} = {(int)HouseholdCategory.NearPoor} THEN 1 ELSE 0 END)
             FROM {classifications} AS e
             WHERE {E(nameof(HouseholdClassificationEntity.HouseholdId))} = {householdId}
               AND {earlierYear} >= {PeriodStart} AND {earlierYear} < {Year}
               AND {E(nameof(HouseholdClassificationEntity.StandardCode))} = {Standard}
               AND {E(unitColumn)} || '' = {Unit})
            """;
        var inUnit = $"{H(nameof(HouseholdEntity.Id))} IS NOT NULL";
        return $"""
            SELECT {householdId} AS "HouseholdId",
                CAST({C("c", nameof(HouseholdClassificationEntity.Category))} AS INTEGER) AS "Category",
                {C("c", nameof(HouseholdClassificationEntity.CommuneCode))} AS "CommuneCode",
                {C("c", nameof(HouseholdClassificationEntity.VillageCode))} AS "VillageCode",
                {inUnit} AS "InUnit",
                {H(nameof(HouseholdEntity.Code))} AS "Code",
                CAST({H(nameof(HouseholdEntity.Groups))} AS INTEGER) AS "Groups",
                CASE WHEN {(province ? "1 = 1" : inUnit)} THEN
                    (SELECT CAST({S(nameof(HouseholdSurveyEntity.Needs))} AS INTEGER) FROM {db.Table<HouseholdSurveyEntity>()} AS s
                     WHERE {S(nameof(HouseholdSurveyEntity.HouseholdId))} = {householdId} AND {S(nameof(HouseholdSurveyEntity.Year))} = {Year}
                     {(province ? $"AND {S(nameof(HouseholdSurveyEntity.ProvinceCode))} = {Unit}" : string.Empty)}
                     LIMIT 1)
                END AS "Needs",
                {history} AS "History",
                CASE WHEN {inUnit} THEN
                    (SELECT {packed} FROM {db.Table<MemberEntity>()} AS m WHERE {M(nameof(MemberEntity.HouseholdId))} = {householdId}
                     {(province ? $"AND {M(nameof(MemberEntity.ProvinceCode))} = {Unit}" : string.Empty)})
                END AS "Members"
            FROM {classifications} AS c
            LEFT JOIN {db.Table<HouseholdEntity>()} AS h ON {H(nameof(HouseholdEntity.Id))} = {householdId} AND {H(householdUnit)} = {Unit}
            WHERE {C("c", unitColumn)} = {Unit}
              AND {C("c", nameof(HouseholdClassificationEntity.Year))} = {Year}
              AND {C("c", nameof(HouseholdClassificationEntity.StandardCode))} = {Standard}
              AND {C("c", nameof(HouseholdClassificationEntity.Category))} IN ({(int)HouseholdCategory.Poor}, {(int)HouseholdCategory.NearPoor})
            """;
    }

    private const string Unit = "{0}", Year = "{1}", Standard = "{2}", PreviousYear = "{3}", PeriodStart = "{4}";

    /// <summary>Reads one household's member array (see <see cref="ListLine.Members"/>).</summary>
    private static List<ReportMember> ParseMembers(string json, ArrayBufferWriter<byte> buffer, MemberText text)
    {
        buffer.ResetWrittenCount();
        var length = Encoding.UTF8.GetBytes(json, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(json.Length)));
        buffer.Advance(length);
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        var members = new List<ReportMember>(4);
        reader.Read(); // [
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var order = reader.GetInt32();
            reader.Read();
            var fullName = reader.GetString() ?? string.Empty;
            reader.Read();
            var born = reader.ValueSpan.Length >= 4 && int.TryParse(reader.ValueSpan[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0;
            reader.Read();
            var sex = (Sex)reader.GetInt32();
            reader.Read();
            var ethnicity = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : string.Empty;
            reader.Read();
            var relation = (RelationToHead)reader.GetInt32();
            reader.Read(); // ]
            members.Add(text.Member(order, fullName, born, sex, ethnicity, relation));
        }

        return members;
    }
}
