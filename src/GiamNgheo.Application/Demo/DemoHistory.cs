using System.Globalization;
using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reports;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Standards;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Synthetic;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Reviews;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Application.Demo;

/// <summary>What the demo history recorded in one review year.</summary>
public sealed record DemoHistoryYear(int Year, int Surveyed, int Poor, int NearPoor, int Applications, int EscapeRequests);

/// <summary>
/// The demo province's recognised lists of 2023, 2024 and 2025, written as the review workflow would have left them
/// (docs/review-workflow.md, "Demo history"):
/// <list type="bullet">
/// <item>2023 is the baseline: every household is surveyed and the whole result is recognised.</item>
/// <item>2024 and 2025 are lawful periodic reviews (QĐ 24/2021 Art. 4): only the previous recognised poor and near-poor
/// list, the Mẫu 01 applicants and the Mẫu 04 requests are surveyed; every other household is not surveyed and carries
/// its status over (<see cref="Domain.Statuses.HouseholdStatusRules"/>).</item>
/// <item>Each year: one periodic campaign; per commune a review in state <c>Accepted</c> by the province (the last year:
/// <c>Reported</c>, waiting for the province), its households (Certified),
/// one village meeting per village with every household's vote, posting for the rules' working days, the district's
/// opinion before 01/07/2025, a decision (Mẫu 02, "NNN/QĐ-UBND", signed in December by the commune chairman),
/// certificates (Mẫu 03) for poor and near-poor households and the report submitted before the deadline.</item>
/// </list>
/// The answers of 2025 are the generator's (so the 2025 figures stay those of the generator); 2024 and 2023 are drawn
/// backwards from them with seeded randomness (most poor stay poor, some escape to near-poor or above, some near-poor
/// fall back, a few relapse after escaping, a few are new), so the same seed always gives the same history. Every
/// category is computed by the real classifier (<see cref="HouseholdClassifier"/>) under every standard active in the
/// year; decisions are made under the legal one.
/// <para>
/// Why not <see cref="ReviewCommands"/>: it lists, surveys and votes one household per call and returns the whole
/// board after each, about 3,300 calls for 2,000 households, far too slow for the web app's first start (and the
/// browser tests boot it many times). The rows written here are those the commands write; the decision step is isolated
/// in <see cref="RecordDecisionAsync"/>.
/// </para>
/// </summary>
internal sealed class DemoHistory(AppDbContext db, StandardRegistry standards, ReviewSettings settings)
{
    public const int BaselineYear = 2023;
    public const int LastYear = 2025;

    /// <summary>Indicators answered directly by the reviewer (not derived from the members) that a year's change moves.</summary>
    private static readonly string[] DirectIndicators = ["nutrition", "housing_quality", "housing_area", "water", "sanitation", "telecom", "information_devices"];

    /// <summary>Synthetic names of the commune chairmen who sign the decisions, one per demo commune (in code order).</summary>
    private static readonly string[] Signers = ["Lường Văn Hòa", "Quàng Thị Mai", "Lò Văn Thắng", "Giàng A Sử"];

    private static readonly string[] ApplicationReasons =
    [
        "Gia đình có người ốm đau dài ngày, thu nhập giảm",
        "Mất mùa, thu nhập không đủ chi tiêu",
        "Chủ hộ mất sức lao động",
        "Nhà ở bị hư hỏng do mưa lũ",
        "Tách hộ, chưa có đất sản xuất",
    ];

    private static readonly string[] EscapeReasons =
    [
        "Gia đình có thu nhập ổn định từ trồng cây ăn quả",
        "Có người đi làm công nhân, gửi tiền về",
        "Được hỗ trợ bò giống, chăn nuôi có lãi",
        "Đã làm lại nhà, có việc làm ổn định",
    ];

    private enum Band : byte
    {
        Poor = 0,
        NearPoor = 1,
        Above = 2,
    }

    /// <summary>One demo household: its registry row, the generator's answers (2025) and its drawn path.</summary>
    private sealed class Item(HouseholdEntity household, HouseholdRow row)
    {
        public HouseholdEntity Household { get; } = household;
        public HouseholdRow Row { get; } = row;
        public Dictionary<int, Answers> ByYear { get; } = [];
        public bool FilesApplicationWhenAbove { get; set; }
        public double EscapeRequestChance { get; set; }
        public int DayOffset { get; set; }
    }

    private sealed record Answers(long Income, Dictionary<string, bool> Indicators, PovertyCauses Causes, SupportNeeds Needs);

    public async Task<IReadOnlyList<DemoHistoryYear>> WriteAsync(string provinceCode, long seed, IReadOnlyList<(HouseholdEntity Household, HouseholdRow Row)> households, CancellationToken ct)
    {
        var nd07 = await standards.LegalAsync(LastYear, provinceCode, ct)
            ?? throw new InvalidOperationException($"No legal standard covers {LastYear} in province {provinceCode}.");
        var items = households.Select(h => new Item(h.Household, h.Row)).ToList();
        Plan(items, nd07, seed);

        var calendar = await settings.CalendarAsync(provinceCode, ct);
        var communes = items.Select(i => i.Household.CommuneCode).Distinct().Order(StringComparer.Ordinal).ToList();
        var legacy = await LegacyDistricts.SingleOldCommunesAsync(db, communes, ct);
        var areas = await AreaTypeHistory.LoadAsync(db, communes.Concat(legacy.Values), ct);

        // The recognised ND07 category of the latest decided year, per household (the "previous list").
        var recognised = new Dictionary<long, HouseholdCategory>();
        var summary = new List<DemoHistoryYear>();
        for (var year = BaselineYear; year <= LastYear; year++)
        {
            summary.Add(await WriteYearAsync(provinceCode, seed, year, items, communes, legacy, areas, calendar, recognised, ct));
        }

        return summary;
    }

    // ---------------------------------------------------------------- the drawn paths

    /// <summary>
    /// Draws each household's band in 2024 and 2023 backwards from its 2025 band (the generator's answers classified
    /// under ND07), and the answers of those years. Backward transition probabilities [M, synthetic]: they make the poor
    /// rate fall by about three points a year, as in the northern mountains.
    /// </summary>
    private static void Plan(List<Item> items, PovertyStandard nd07, long seed)
    {
        var random = new SyntheticRandom(0);
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            random.Reseed((ulong)seed ^ 0x5EED_2023_2025UL, (ulong)index);
            item.DayOffset = random.Next(40);
            var g = Generator(item.Row);
            item.ByYear[LastYear] = g;
            var band25 = BandOf(item, g, nd07, LastYear);

            var band24 = Earlier(band25, random);
            // A household poor in 2025 but above the line in 2024 is often one that escaped in 2024 and relapsed.
            var band23 = band25 == Band.Poor && band24 == Band.Above && random.Chance(0.4) ? Band.Poor : Earlier(band24, random);
            item.ByYear[2024] = Toward(g, band25, band24, item.Household.AreaType, random);
            item.ByYear[2023] = Toward(item.ByYear[2024], band24, band23, item.Household.AreaType, random);
            item.FilesApplicationWhenAbove = random.Chance(0.012);
            item.EscapeRequestChance = random.NextDouble();
        }
    }

    private static Band Earlier(Band later, SyntheticRandom random)
    {
        var x = random.NextDouble();
        return later switch
        {
            Band.Poor => x < 0.85 ? Band.Poor : x < 0.93 ? Band.NearPoor : Band.Above,
            Band.NearPoor => x < 0.25 ? Band.Poor : x < 0.90 ? Band.NearPoor : Band.Above,
            Band.Above => x < 0.04 ? Band.Poor : x < 0.08 ? Band.NearPoor : Band.Above,
        };
    }

    private static Answers Generator(HouseholdRow row) => new(
        row.Income ?? 0,
        HouseholdColumns.Indicators.Select(c => (c.Code, Value: row.Indicators.Get(c.Code))).Where(a => a.Value is not null)
            .ToDictionary(a => a.Code, a => a.Value!.Value, StringComparer.Ordinal),
        row.Causes,
        row.Needs);

    private static Band BandOf(Item item, Answers answers, PovertyStandard nd07, int year)
    {
        // The 2025 band (after the reform): the household's registered area is its commune's area then.
        var facts = HouseholdClassificationService.Facts(item.Household, Survey(item, answers, year), item.Household.AreaType);
        return HouseholdClassifier.Decide(facts, nd07, SurveyDate(item, year)).Category switch
        {
            HouseholdCategory.Poor => Band.Poor,
            HouseholdCategory.NearPoor => Band.NearPoor,
            _ => Band.Above,
        };
    }

    /// <summary>
    /// The answers of the year before, given this year's answers in band <paramref name="from"/> and the band wanted a
    /// year earlier: income drifts down (incomes grow over time); a poorer earlier year has more direct deprivations, a
    /// better-off earlier year fewer. Member-derived indicators follow the members, so the real classification decides.
    /// </summary>
    private static Answers Toward(Answers later, Band from, Band to, AreaType area, SyntheticRandom random)
    {
        var line = area == AreaType.Urban ? 2_000_000L : 1_500_000L; // ND07_2021 income line (§2.1)
        var indicators = new Dictionary<string, bool>(later.Indicators, StringComparer.Ordinal);
        long income;
        if (from == to)
        {
            income = Thousand(later.Income * (0.85 + (0.15 * random.NextDouble())));
            if (to == Band.Above && income <= line)
            {
                income = Thousand(line * (1.05 + (0.2 * random.NextDouble())));
            }
        }
        else
        {
            income = to switch
            {
                Band.Poor => Thousand(line * (0.35 + (0.55 * random.NextDouble()))),
                Band.NearPoor => Thousand(line * (0.55 + (0.43 * random.NextDouble()))),
                Band.Above => Thousand(line * (1.05 + (0.5 * random.NextDouble()))),
            };
            var deprived = DirectIndicators.Where(c => indicators.GetValueOrDefault(c)).ToList();
            switch (to)
            {
                case Band.Poor:
                    var candidates = DirectIndicators.Where(c => !indicators.GetValueOrDefault(c)).ToList();
                    var wanted = 3 + random.Next(2);
                    while (deprived.Count < wanted && candidates.Count > 0)
                    {
                        var pick = candidates[random.Next(candidates.Count)];
                        candidates.Remove(pick);
                        indicators[pick] = true;
                        deprived.Add(pick);
                    }

                    break;
                case Band.NearPoor:
                    var keep = random.Next(2);
                    while (deprived.Count > keep)
                    {
                        var pick = deprived[random.Next(deprived.Count)];
                        deprived.Remove(pick);
                        indicators[pick] = false;
                    }

                    break;
                case Band.Above:
                    foreach (var code in deprived.Where(_ => random.Chance(0.5)))
                    {
                        indicators[code] = false;
                    }

                    break;
            }
        }

        var (causes, needs) = to == Band.Above ? (PovertyCauses.None, SupportNeeds.None)
            : later.Causes != PovertyCauses.None ? (later.Causes, later.Needs)
            : (random.Chance(0.5) ? PovertyCauses.Capital | PovertyCauses.Knowhow : PovertyCauses.Land | PovertyCauses.Labour,
                random.Chance(0.5) ? SupportNeeds.Credit | SupportNeeds.Production : SupportNeeds.Production);
        return new Answers(Math.Max(income, 1_000), indicators, causes, needs);
    }

    private static long Thousand(double value) => Math.Max((long)(value / 1_000) * 1_000, 1_000);

    /// <summary>The survey day: September or October of the review year (member ages are taken on it).</summary>
    private static DateOnly SurveyDate(Item item, int year) => new DateOnly(year, 9, 5).AddDays(item.DayOffset);

    private static HouseholdSurveyEntity Survey(Item item, Answers answers, int year) => new()
    {
        HouseholdId = item.Household.Id,
        ProvinceCode = item.Household.ProvinceCode,
        Year = year,
        SurveyDate = SurveyDate(item, year),
        IncomePerCapita = answers.Income,
        Answers = SurveyAnswers.Format(answers.Indicators),
        Causes = answers.Causes,
        Needs = answers.Needs,
        Source = "demo",
    };

    // ---------------------------------------------------------------- one review year

    private async Task<DemoHistoryYear> WriteYearAsync(string provinceCode, long seed, int year, List<Item> items, List<string> communes,
        Dictionary<string, string> legacy, AreaTypeHistory areas, WorkingCalendar calendar, Dictionary<long, HouseholdCategory> recognised, CancellationToken ct)
    {
        var rules = await settings.RulesAsync(provinceCode, ct);
        var active = await standards.ActiveAsync(year, provinceCode, ct);
        var legal = active.First(a => !a.InParallel).Standard;
        var random = new SyntheticRandom((ulong)seed ^ 0xDE40_0000UL, (ulong)year);
        var start = new DateOnly(year, rules.PeriodicStartMonth, rules.PeriodicStartDay);
        var campaign = new ReviewCampaignEntity
        {
            ProvinceCode = provinceCode,
            Year = year,
            Month = rules.PeriodicStartMonth,
            Kind = CampaignKind.Periodic,
            StartDate = start,
            EndDate = new DateOnly(year, rules.PeriodicEndMonth, rules.PeriodicEndDay),
            StandardCode = legal.Code,
            ParallelStandards = string.Join(';', active.Where(a => a.InParallel).Select(a => a.Standard.Code)),
            OpenedBy = Identity.SystemUser.Instance.UserName,
            OpenedAtUtc = new DateTime(year, 9, 1, 1, 0, 0, DateTimeKind.Utc),
        };
        db.ReviewCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);

        var deadline = rules.ReportDeadline(CampaignKind.Periodic, year, campaign.Month);
        var reviews = communes.ToDictionary(c => c, c => new CommuneReviewEntity
        {
            CampaignId = campaign.Id,
            ProvinceCode = provinceCode,
            CommuneCode = c,
            // Earlier years' reports were accepted by the province; the last year's waits for it (the province's task).
            State = year < LastYear ? CommuneReviewState.Accepted : CommuneReviewState.Reported,
            ReportDeadline = deadline,
        }, StringComparer.Ordinal);
        db.CommuneReviews.AddRange(reviews.Values);
        await db.SaveChangesAsync(ct);

        // S1 list: the previous recognised list, Mẫu 01 applicants (those whose answers put them below the line, and a
        // few who stay above it), Mẫu 04 requests of listed households that improved; 2023: every household.
        var listed = new List<(Item Item, ListingReason Reason, string? Previous, string ReasonText, DateOnly? Applied)>();
        foreach (var item in items)
        {
            var previous = recognised.TryGetValue(item.Household.Id, out var p) && p is HouseholdCategory.Poor or HouseholdCategory.NearPoor ? p.ToCode() : null;
            if (year == BaselineYear)
            {
                listed.Add((item, ListingReason.Manual, null, "Rà soát toàn bộ hộ dân cư (năm gốc của dữ liệu demo)", null));
            }
            else if (previous is not null)
            {
                listed.Add((item, ListingReason.CurrentList, previous, "Hộ thuộc danh sách hộ nghèo, hộ cận nghèo hiện hành", null));
            }
            else if (BandOf(item, item.ByYear[year], legal, year) != Band.Above || item.FilesApplicationWhenAbove)
            {
                listed.Add((item, ListingReason.Application, null, ApplicationReasons[random.Next(ApplicationReasons.Length)],
                    new DateOnly(year, 8, 1).AddDays(random.Next(45))));
            }
        }

        // S2 survey: one survey per listed household, classified under every active standard (the real classifier).
        var surveys = new List<(Item Item, HouseholdSurveyEntity Survey, HouseholdClassificationEntity Legal)>(listed.Count);
        var classifications = new List<HouseholdClassificationEntity>(listed.Count * active.Count);
        var now = new DateTime(year, 10, 20, 3, 0, 0, DateTimeKind.Utc);
        foreach (var (item, _, _, _, _) in listed)
        {
            var survey = Survey(item, item.ByYear[year], year);
            survey.UpdatedAtUtc = now;
            db.HouseholdSurveys.Add(survey);
            var facts = HouseholdClassificationService.Facts(item.Household, survey,
                areas.For(item.Household.CommuneCode, legacy.GetValueOrDefault(item.Household.CommuneCode), survey.SurveyDate!.Value, item.Household.AreaType));
            HouseholdClassificationEntity? legalRow = null;
            foreach (var (standard, _) in active)
            {
                var classification = HouseholdClassifier.Classify(facts, standard, survey.SurveyDate!.Value);
                var row = new HouseholdClassificationEntity
                {
                    HouseholdId = item.Household.Id,
                    ProvinceCode = provinceCode,
                    CommuneCode = item.Household.CommuneCode,
                    VillageCode = item.Household.VillageCode,
                    Year = year,
                    StandardCode = standard.Code,
                    Category = classification.Category,
                    DeprivationCount = classification.DeprivationCount,
                    Deprived = string.Join(';', classification.DeprivedCodes),
                    MemberCount = item.Household.Members.Count,
                    ComputedAtUtc = now,
                    LegacyCommuneCode = year <= LegacyDistricts.LastDistrictYear ? legacy.GetValueOrDefault(item.Household.CommuneCode) : null,
                };
                classifications.Add(row);
                if (standard.Code == legal.Code)
                {
                    legalRow = row;
                }
            }

            surveys.Add((item, survey, legalRow!));
        }

        db.HouseholdClassifications.AddRange(classifications);
        await db.SaveChangesAsync(ct);

        var reviewHouseholds = new List<(ReviewHouseholdEntity Entity, Item Item)>(listed.Count);
        for (var i = 0; i < listed.Count; i++)
        {
            var (item, reason, previous, reasonText, applied) = listed[i];
            var rh = new ReviewHouseholdEntity
            {
                CommuneReviewId = reviews[item.Household.CommuneCode].Id,
                ProvinceCode = item.Household.ProvinceCode,
                HouseholdId = item.Household.Id,
                VillageCode = item.Household.VillageCode,
                State = HouseholdReviewState.Certified,
                ListingReason = reason,
                ApplicationDate = applied,
                ReasonText = reasonText,
                SurveyId = surveys[i].Survey.Id,
                Category = surveys[i].Legal.Category.ToCode(),
                PreviousCategory = previous,
            };
            reviewHouseholds.Add((rh, item));
        }

        db.ReviewHouseholds.AddRange(reviewHouseholds.Select(r => r.Entity));
        await db.SaveChangesAsync(ct);

        // Mẫu 04: some listed households that improved had asked to be recognised as having escaped.
        var escapeRequests = 0;
        foreach (var (rh, item) in reviewHouseholds)
        {
            var better = rh.PreviousCategory == "poor" ? rh.Category != "poor" : rh.PreviousCategory == "near_poor" && rh.Category is not ("poor" or "near_poor");
            if (better && item.EscapeRequestChance < 0.6)
            {
                db.EscapeRequests.Add(new EscapeRequestEntity
                {
                    ProvinceCode = item.Household.ProvinceCode,
                    HouseholdId = item.Household.Id,
                    CommuneCode = item.Household.CommuneCode,
                    ReceivedOn = new DateOnly(year, 8, 10).AddDays(item.DayOffset),
                    FromCategory = rh.PreviousCategory!,
                    Reason = EscapeReasons[item.DayOffset % EscapeReasons.Length],
                    ReviewHouseholdId = rh.Id,
                });
                escapeRequests++;
            }
        }

        // S3–S8 per commune: meetings and votes, posting, district opinion (before 01/07/2025), decision, certificates, report.
        for (var c = 0; c < communes.Count; c++)
        {
            var commune = communes[c];
            var cr = reviews[commune];
            var mine = reviewHouseholds.Where(r => r.Entity.CommuneReviewId == cr.Id).Select(r => r.Entity).ToList();
            var meetingDay = new DateOnly(year, 10, 25).AddDays(random.Next(10));
            var meetings = new List<(ReviewMeetingEntity Meeting, List<ReviewHouseholdEntity> Households)>();
            foreach (var village in mine.GroupBy(h => h.VillageCode).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var meeting = new ReviewMeetingEntity
                {
                    CommuneReviewId = cr.Id,
                    VillageCode = village.Key,
                    HeldOn = meetingDay.AddDays(random.Next(5)),
                    Attendees = 25 + random.Next(40),
                    Roles = "Trưởng thôn (chủ trì); Bí thư chi bộ; đại diện Ủy ban MTTQ xã (giám sát); công chức LĐ-TB&XH xã; rà soát viên; đại diện các hộ",
                };
                db.ReviewMeetings.Add(meeting);
                meetings.Add((meeting, [.. village]));
            }

            await db.SaveChangesAsync(ct);
            foreach (var (meeting, villageHouseholds) in meetings)
            {
                foreach (var rh in villageHouseholds)
                {
                    // Most households are agreed by a large majority; a few narrowly (still at least half the attendees).
                    var share = random.Chance(0.05) ? 0.5 + (0.15 * random.NextDouble()) : 0.75 + (0.25 * random.NextDouble());
                    var agree = Math.Min(meeting.Attendees, (int)Math.Ceiling(meeting.Attendees * share));
                    rh.Attendees = meeting.Attendees;
                    rh.Agree = agree;
                    db.ReviewVotes.Add(new ReviewVoteEntity { MeetingId = meeting.Id, ProvinceCode = rh.ProvinceCode, ReviewHouseholdId = rh.Id, Agree = agree, Passed = rules.MeetingPasses(meeting.Attendees, agree) });
                }
            }

            cr.PostingStart = NextWorkingDay(new DateOnly(year, 11, 24).AddDays(random.Next(5)), calendar);
            cr.PostingEnd = rules.PostingEnd(calendar, cr.PostingStart.Value);
            var decisionDay = cr.PostingEnd.Value.AddDays(1);
            if (rules.RequiresDistrictConsultation(campaign.StartDate))
            {
                cr.DistrictConsultedOn = NextWorkingDay(cr.PostingEnd.Value.AddDays(1), calendar);
                cr.DistrictOpinion = "Thống nhất với kết quả rà soát của xã.";
                decisionDay = cr.DistrictConsultedOn.Value.AddDays(1);
            }

            var december = new DateOnly(year, 12, 1);
            var signedOn = NextWorkingDay((decisionDay > december ? decisionDay : december).AddDays(random.Next(4)), calendar);
            var decision = new RecognitionDecisionEntity
            {
                CommuneReviewId = cr.Id,
                CommuneCode = commune,
                Year = year,
                StandardCode = legal.Code,
                Number = string.Create(CultureInfo.InvariantCulture, $"{120 + random.Next(330)}/QĐ-UBND"),
                SignedOn = signedOn,
                Signer = Signers[c % Signers.Length],
            };
            var decided = surveys.Where(s => s.Legal.CommuneCode == commune).Select(s => s.Legal).ToList();
            await RecordDecisionAsync(cr, decision, decided, ct);

            // Mẫu 03 numbers as IssueCertificatesAsync gives them: poor and near-poor households, by village then household.
            var seq = 0;
            foreach (var rh in mine.OrderBy(h => h.VillageCode, StringComparer.Ordinal).ThenBy(h => h.HouseholdId))
            {
                if (rh.Category is "poor" or "near_poor")
                {
                    rh.CertificateNumber = string.Create(CultureInfo.InvariantCulture, $"{++seq:000}/{year}/GCN-{commune}");
                }
            }

            var submitted = NextWorkingDay(signedOn.AddDays(1 + random.Next(2)), calendar);
            cr.ReportSubmittedOn = submitted < deadline ? submitted : deadline;
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        foreach (var s in surveys)
        {
            recognised[s.Item.Household.Id] = s.Legal.Category;
        }

        db.AddAuditEvent("review.demo.history", "ReviewCampaign", campaign.Id.ToString(CultureInfo.InvariantCulture), null,
            new { year, surveyed = surveys.Count, communes = communes.Count, seed });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var legalRows = surveys.Select(s => s.Legal.Category).ToList();
        return new DemoHistoryYear(year, surveys.Count, legalRows.Count(c => c == HouseholdCategory.Poor), legalRows.Count(c => c == HouseholdCategory.NearPoor),
            listed.Count(l => l.Reason == ListingReason.Application), escapeRequests);
    }

    /// <summary>
    /// The decision step (Mẫu 02) of one commune, as <see cref="ReviewCommands.DecideAsync"/> records it: the decision row,
    /// the commune review pointing at it, and the decision on the legal standard's classification rows of the listed
    /// households (which locks them), and the statuses it freezes (<see cref="Statuses.HouseholdStatusWriter"/>, as
    /// <c>DecideAsync</c> does) — this is the only place the demo history makes a decision.
    /// </summary>
    private async Task RecordDecisionAsync(CommuneReviewEntity communeReview, RecognitionDecisionEntity decision,
        IReadOnlyList<HouseholdClassificationEntity> legalRows, CancellationToken ct)
    {
        db.RecognitionDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        communeReview.DecisionId = decision.Id;
        foreach (var row in legalRows)
        {
            row.DecisionId = decision.Id;
        }

        db.ChangeTracker.DetectChanges();
        // The statuses the decision freezes, by the same writer as DecideAsync (its documents are frozen at their first print).
        await new Statuses.HouseholdStatusWriter(db).StageAsync(decision, Domain.Reviews.CampaignKind.Periodic, [.. legalRows.Select(r => r.HouseholdId)], ct, "demo");
    }

    private static DateOnly NextWorkingDay(DateOnly day, WorkingCalendar calendar)
    {
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
