using GiamNgheo.Application.AdminUnits;
using GiamNgheo.Application.Households;
using GiamNgheo.Application.Identity;
using GiamNgheo.Application.Imports;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Application.Reviews;
using GiamNgheo.Application.Reviews.Documents;
using GiamNgheo.Application.Reviews.Rules;
using GiamNgheo.Application.Surveys;
using GiamNgheo.Application.Tests.Imports;
using GiamNgheo.Application.Tests.Infrastructure;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiamNgheo.Application.Tests.Reviews;

/// <summary>
/// Issue 15 (part A2): a regular and the periodic review in one calendar year on one commune, households removed or not
/// re-surveyed, frozen documents, imports that never overwrite a decided year, and review rules held as data.
/// </summary>
public class ReviewsInAYearTests
{
    private static readonly Dictionary<string, bool> ThreeDeprived = new() { ["employment"] = true, ["nutrition"] = true, ["water"] = true };
    private static readonly Dictionary<string, bool> NoneDeprived = new() { ["employment"] = false, ["nutrition"] = false, ["water"] = false };

    private static SurveyInput Poor(int year) => new() { Year = year, IncomePerCapita = 900_000, Answers = ThreeDeprived };
    private static SurveyInput NearPoor(int year) => new() { Year = year, IncomePerCapita = 1_200_000, Answers = NoneDeprived };
    private static SurveyInput Above(int year) => new() { Year = year, IncomePerCapita = 3_500_000, Answers = NoneDeprived };

    private static void On(TestDatabase db, DateOnly day) => db.Clock.Now = new DateTimeOffset(day.Year, day.Month, day.Day, 8, 0, 0, TimeSpan.Zero);

    private static Task<T> Run<T>(TestDatabase db, Func<ReviewCommands, Task<T>> action) => db.RunAsync(sp => action(sp.GetRequiredService<ReviewCommands>()));

    private static Task<T> Docs<T>(TestDatabase db, Func<ReviewDocuments, Task<T>> action) => db.RunAsync(sp => action(sp.GetRequiredService<ReviewDocuments>()));

    private static void Commune(TestDatabase db) => db.User.Become("xa", Roles.CommuneOfficer, Samples.CommuneA, AdminLevel.Commune);

    private static void Province(TestDatabase db) => db.User.Become("tinh", Roles.ProvincialOfficer, "11", AdminLevel.Province);

    private static async Task<long> CreateAsync(TestDatabase db, string head, SurveyInput? lastYear)
    {
        var created = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().CreateAsync(
            Samples.Household(head: head, members: [Samples.Head(head, personalId: null), Samples.Child()]), default));
        Assert.Equal(ResultStatus.Ok, created.Status);
        var id = created.Value!.Id;
        if (lastYear is not null)
        {
            Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(id, lastYear, default))).Status);
        }

        return id;
    }

    private static long Rh(CommuneBoard board, long householdId) => board.Households.Single(h => h.HouseholdId == householdId).Id;

    /// <summary>A regular review of <paramref name="month"/> 2026 on commune A: the households apply (Mẫu 01), are surveyed, agreed, posted and decided.</summary>
    private static async Task<CommuneBoard> RegularReviewAsync(TestDatabase db, int month, IReadOnlyList<(long Household, SurveyInput Survey)> households, string number)
    {
        Commune(db);
        On(db, new DateOnly(2026, month, 16));
        var campaign = await Run(db, c => c.OpenCampaignAsync(new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Regular, Month = month }, default));
        Assert.Equal(ResultStatus.Ok, campaign.Status);
        var overview = await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().OverviewAsync(campaign.Value!.Id, default));
        var id = Assert.Single(overview!.Communes).CommuneReviewId;
        CommuneBoard board = null!;
        foreach (var (household, _) in households)
        {
            var added = await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput
            {
                HouseholdId = household, Reason = ListingReason.Application, ApplicationDate = new DateOnly(2026, month, 16), ReasonText = "Gia đình gặp khó khăn, đề nghị rà soát",
            }, default));
            Assert.Equal(ResultStatus.Ok, added.Status);
            board = added.Value!;
        }

        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.MoveAsync(id, CommuneAction.StartSurvey, default))).Status);
        foreach (var (household, survey) in households)
        {
            Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.RecordSurveyAsync(Rh(board, household), survey, default))).Status);
        }

        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.MoveAsync(id, CommuneAction.OpenMeeting, default))).Status);
        var meeting = await Run(db, c => c.RecordMeetingAsync(id, new MeetingInput
        {
            HeldOn = new DateOnly(2026, month, 16), Attendees = 10, Roles = "Trưởng bản (chủ trì); MTTQ; đại diện hộ",
            Votes = [.. households.Select(h => new VoteInput(Rh(board, h.Household), 8))],
        }, default));
        Assert.Equal(ResultStatus.Ok, meeting.Status);
        board = (await Run(db, c => c.StartPostingAsync(id, new DateOnly(2026, month, 16), default))).Value!;
        var signedOn = board.PostingEnd!.Value.AddDays(1);
        On(db, signedOn);
        var decided = await Run(db, c => c.DecideAsync(id, new DecisionInput(number, signedOn, "Lò Văn Thắng"), default));
        Assert.Equal(ResultStatus.Ok, decided.Status);
        return decided.Value!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegularInMarchAndPeriodicInSeptember_SameCommune_BothDecidedWithRemovalAndNotResurveyed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        On(db, new DateOnly(2026, 1, 10));
        var stays = await CreateAsync(db, "Lò Văn Páo", Poor(2025));          // on the 2025 list, re-surveyed in September
        var applicant = await CreateAsync(db, "Hờ A Chá", null);               // applies in March, recognised poor in March
        var unchanged = await CreateAsync(db, "Vàng A Sử", Poor(2025));        // on the list, not re-surveyed ("không rà soát lại")
        var mistaken = await CreateAsync(db, "Nguyễn Văn Đức", Above(2025));   // added by mistake in September, removed

        // March: the regular review recognises the applicant as poor; certificate 001/2026.
        var march = await RegularReviewAsync(db, 3, [(applicant, Poor(2026))], "05/QĐ-UBND");
        Assert.Equal(new DateOnly(2026, 3, 19), march.PostingEnd); // Mon 16/3 not counted (Civil Code Art. 147(2)): Tue, Wed, Thu
        march = (await Run(db, c => c.MoveAsync(march.Id, CommuneAction.IssueCertificates, default))).Value!;
        Assert.Equal("001/2026/GCN-03158", march.Households.Single().CertificateNumber);
        var marchDecision = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().RecognitionDecisions.AsNoTracking().SingleAsync(d => d.Number == "05/QĐ-UBND"));

        // Outside a review the decided year stays locked, naming the household, the year and the decision.
        var direct = await db.RunAsync(sp => sp.GetRequiredService<SurveyCommands>().SaveAsync(applicant, Above(2026), default));
        Assert.Equal(ResultStatus.Conflict, direct.Status);
        Assert.Contains("năm 2026", direct.Message, StringComparison.Ordinal);
        Assert.Contains("05/QĐ-UBND", direct.Message, StringComparison.Ordinal);
        Assert.Contains("rà soát thường xuyên", direct.Message, StringComparison.Ordinal);

        // September: the periodic review lists the list in force — the 2025 households and the one recognised in March.
        Province(db);
        On(db, new DateOnly(2026, 9, 3));
        var campaign = await Run(db, c => c.OpenCampaignAsync(new OpenCampaignInput { Year = 2026, Kind = CampaignKind.Periodic }, default));
        Assert.Equal(ResultStatus.Ok, campaign.Status);
        var id = Assert.Single((await db.RunAsync(sp => sp.GetRequiredService<ReviewQueries>().OverviewAsync(campaign.Value!.Id, default)))!.Communes).CommuneReviewId;
        Commune(db);
        var board = (await Run(db, c => c.BuildListAsync(id, default))).Value!;
        Assert.Equal([stays, applicant, unchanged], board.Households.Select(h => h.HouseholdId).Order());
        Assert.Equal("poor", board.Households.Single(h => h.HouseholdId == applicant).PreviousCategory);
        board = (await Run(db, c => c.AddHouseholdAsync(id, new AddHouseholdInput { HouseholdId = mistaken, Reason = ListingReason.Manual, ReasonText = "Bổ sung theo đề nghị của thôn" }, default))).Value!;

        // Removal and "not re-surveyed" need a reason; both are audited and keep the household out of the rest of the review.
        var noReason = await Run(db, c => c.ExcludeHouseholdAsync(Rh(board, mistaken), HouseholdAction.Remove, " ", default));
        Assert.Equal(ResultStatus.Invalid, noReason.Status);
        Assert.Contains("lý do", noReason.Errors["reason"][0], StringComparison.Ordinal);
        board = (await Run(db, c => c.ExcludeHouseholdAsync(Rh(board, mistaken), HouseholdAction.Remove, "Đưa vào nhầm: hộ không nộp đơn", default))).Value!;
        board = (await Run(db, c => c.ExcludeHouseholdAsync(Rh(board, unchanged), HouseholdAction.SkipResurvey, "Hoàn cảnh không thay đổi, giữ nguyên kết quả", default))).Value!;
        Assert.Equal((HouseholdReviewState.Removed, "Đưa vào nhầm: hộ không nộp đơn"), board.Households.Where(h => h.HouseholdId == mistaken).Select(h => (h.State, h.ExclusionReason!)).Single());
        Assert.Equal(HouseholdReviewState.NotResurveyed, board.Households.Single(h => h.HouseholdId == unchanged).State);

        // The March household is re-surveyed by the campaign that lists it (allowed), the other one too.
        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.MoveAsync(id, CommuneAction.StartSurvey, default))).Status);
        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.RecordSurveyAsync(Rh(board, stays), NearPoor(2026), default))).Status);
        Assert.Equal(ResultStatus.Ok, (await Run(db, c => c.RecordSurveyAsync(Rh(board, applicant), Above(2026), default))).Status);
        var late = await Run(db, c => c.ExcludeHouseholdAsync(Rh(board, stays), HouseholdAction.SkipResurvey, "x", default));
        Assert.Equal(ResultStatus.Conflict, late.Status); // surveyed: "not re-surveyed" no longer applies
        board = (await Run(db, c => c.MoveAsync(id, CommuneAction.OpenMeeting, default))).Value!;
        Assert.Equal(CommuneReviewState.Meeting, board.State);
        var afterMeeting = await Run(db, c => c.ExcludeHouseholdAsync(Rh(board, stays), HouseholdAction.Remove, "x", default));
        Assert.Equal(ResultStatus.Conflict, afterMeeting.Status);
        On(db, new DateOnly(2026, 10, 2));
        var meeting = await Run(db, c => c.RecordMeetingAsync(id, new MeetingInput
        {
            HeldOn = new DateOnly(2026, 10, 2), Attendees = 20, Roles = "Trưởng thôn (chủ trì)",
            Votes = [new VoteInput(Rh(board, stays), 15), new VoteInput(Rh(board, applicant), 16)],
        }, default));
        Assert.Equal((2, 0), (meeting.Value!.Agreed, meeting.Value.SentBackToSurvey));
        board = (await Run(db, c => c.StartPostingAsync(id, new DateOnly(2026, 10, 5), default))).Value!;
        Assert.Equal(new DateOnly(2026, 10, 8), board.PostingEnd); // Mon 5/10 not counted: Tue, Wed, Thu
        On(db, new DateOnly(2026, 10, 9));
        board = (await Run(db, c => c.DecideAsync(id, new DecisionInput("25/QĐ-UBND", new DateOnly(2026, 10, 9), "Lò Văn Thắng"), default))).Value!;
        Assert.Equal(CommuneReviewState.Decided, board.State);

        // Both decisions exist; the year's rows of the re-surveyed households carry September's; the others keep theirs.
        var rows = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().HouseholdClassifications.AsNoTracking().Where(c => c.StandardCode == "ND07_2021").ToListAsync());
        var september = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().RecognitionDecisions.AsNoTracking().SingleAsync(d => d.Number == "25/QĐ-UBND"));
        Assert.Equal(2, await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().RecognitionDecisions.CountAsync()));
        Assert.Equal((september.Id, Domain.Classification.HouseholdCategory.NotPoor), rows.Where(r => r.HouseholdId == applicant && r.Year == 2026).Select(r => (r.DecisionId!.Value, r.Category)).Single());
        Assert.Equal(september.Id, rows.Single(r => r.HouseholdId == stays && r.Year == 2026).DecisionId);
        Assert.DoesNotContain(rows, r => r.HouseholdId == unchanged && r.Year == 2026);
        Assert.DoesNotContain(rows, r => r.HouseholdId == mistaken && r.Year == 2026);
        Assert.NotEqual(marchDecision.Id, september.Id);

        // Mẫu 02: the March household escaped poverty; the removed and the not re-surveyed households are not in it.
        var pdf = await Docs(db, d => d.DecisionAsync(id, default));
        var (_, page1, all) = await ReviewPdf.RenderAsync(pdf.Value!.Content, "quyet-dinh-dinh-ky-sau-thuong-xuyen");
        Assert.Contains("Hộ nghèo: 0 hộ", page1, StringComparison.Ordinal);
        Assert.Contains("Hộ cận nghèo: 1 hộ", page1, StringComparison.Ordinal);
        Assert.Contains("Hộ thoát nghèo: 2 hộ", page1, StringComparison.Ordinal);
        var annexes = all.Split(": DANH SÁCH HỘ", StringSplitOptions.None);
        Assert.Contains("Hờ A Chá", annexes[3], StringComparison.Ordinal);
        Assert.Contains("Lò Văn Páo", annexes[3], StringComparison.Ordinal);
        Assert.DoesNotContain("Vàng A Sử", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn Đức", all, StringComparison.Ordinal);

        // Certificates continue the year's numbering after March's; the report can be sent.
        board = (await Run(db, c => c.MoveAsync(id, CommuneAction.IssueCertificates, default))).Value!;
        Assert.Equal("002/2026/GCN-03158", board.Households.Single(h => h.HouseholdId == stays).CertificateNumber);
        Assert.Equal(CommuneReviewState.Reported, (await Run(db, c => c.MoveAsync(id, CommuneAction.SubmitReport, default))).Value!.State);

        var audit = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking().Where(a => a.Action.StartsWith("review.household.")).ToListAsync());
        Assert.Contains(audit, a => a.Action == "review.household.Remove" && a.HouseholdId == mistaken);
        Assert.Contains(audit, a => a.Action == "review.household.SkipResurvey" && a.HouseholdId == unchanged);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DecidedDocuments_AfterRenameMembersAndImport_ReprintedByteIdentical(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = ImportFiles.FromText(
            ImportFiles.Lines(ImportFiles.HouseholdHeader,
                "H1,03158,Bản Na Hu,Bản Na Hu,Nguyễn Văn An,rural,2025,900000,,1,1,capital,credit",
                "H2,03158,Bản Na Hu,Bản Na Hu,Lò Thị Hoa,rural,2025,900000,,1,1,capital,credit"),
            ImportFiles.Lines(ImportFiles.MemberHeader,
                "H1,Nguyễn Văn An,male,1985-03-14,03,head,,1,lower_secondary,0,none,self_employed",
                "H2,Lò Thị Hoa,female,1980-01-02,03,head,,1,primary,0,none,self_employed"));
        On(db, new DateOnly(2026, 1, 10));
        Assert.True((await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportFiles.Request(files), null, default))).Succeeded);
        var ids = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().Households.AsNoTracking().OrderBy(h => h.Code).Select(h => h.Id).ToListAsync());
        var board = await RegularReviewAsync(db, 4, [(ids[0], Poor(2026)), (ids[1], Poor(2026))], "07/QĐ-UBND");
        var id = board.Id;
        board = (await Run(db, c => c.MoveAsync(id, CommuneAction.IssueCertificates, default))).Value!;
        var decision = (await Docs(db, d => d.DecisionAsync(id, default))).Value!.Content;
        var batch = (await Docs(db, d => d.CertificatesAsync(id, null, default))).Value!.Content;
        var single = (await Docs(db, d => d.CertificatesAsync(id, Rh(board, ids[0]), default))).Value!.Content;
        var posting = (await Docs(db, d => d.PostingListAsync(id, null, default))).Value!.Content;

        // Header counts and annexes come from the same rows (both near-poor: the members' facts count for two indicators).
        var (_, page1, all) = await ReviewPdf.RenderAsync(decision, "quyet-dinh-dong-bang");
        Assert.Contains("Hộ nghèo: 0 hộ", page1, StringComparison.Ordinal);
        Assert.Contains("Hộ cận nghèo: 2 hộ", page1, StringComparison.Ordinal);
        var annexes = all.Split(": DANH SÁCH HỘ", StringSplitOptions.None);
        Assert.Contains("Tổng số: 0 hộ.", annexes[1], StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", annexes[2], StringComparison.Ordinal);
        Assert.Contains("Lò Thị Hoa", annexes[2], StringComparison.Ordinal);
        Assert.Contains("Tổng số: 2 hộ.", annexes[2], StringComparison.Ordinal);

        // Later: a member is added by hand and an import renames the head and changes the members (into a new year).
        var member = await db.RunAsync(sp => sp.GetRequiredService<HouseholdCommands>().AddMemberAsync(ids[0], Samples.Child("Nguyễn Văn Bé"), default));
        Assert.Equal(ResultStatus.Ok, member.Status);
        using var later = ImportFiles.FromText(
            ImportFiles.Lines(ImportFiles.HouseholdHeader, "H1,03158,Bản Na Hu,Bản Na Hu,Nguyễn Văn Ân,rural,2026,3500000,,0,0,,"),
            ImportFiles.Lines(ImportFiles.MemberHeader,
                "H1,Nguyễn Văn Ân,male,1985-03-14,03,head,,1,lower_secondary,0,none,self_employed",
                "H1,Nguyễn Thị Cúc,female,1990-05-05,03,spouse,,1,primary,0,none,self_employed"));
        var import = await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportFiles.Request(later) with { ToYear = 2027 }, null, default));
        Assert.True(import.Succeeded, string.Join("; ", import.Problems.Select(p => p.Reason)));
        Assert.Equal(1, import.Updated);
        Assert.Equal("Nguyễn Văn Ân", await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().Households.AsNoTracking().Where(h => h.Id == ids[0]).Select(h => h.HeadName).SingleAsync()));

        // Re-printed: byte for byte the documents as signed.
        Assert.Equal(decision, (await Docs(db, d => d.DecisionAsync(id, default))).Value!.Content);
        Assert.Equal(batch, (await Docs(db, d => d.CertificatesAsync(id, null, default))).Value!.Content);
        Assert.Equal(single, (await Docs(db, d => d.CertificatesAsync(id, Rh(board, ids[0]), default))).Value!.Content);
        Assert.Equal(posting, (await Docs(db, d => d.PostingListAsync(id, null, default))).Value!.Content);
        var stored = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().ReviewDocuments.AsNoTracking().Where(d => d.CommuneReviewId == id).ToListAsync());
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(decision)), stored.Single(d => d.Kind == ReviewDocumentKinds.Decision).Sha256);
        Assert.Equal(2, stored.Count(d => d.Kind == ReviewDocumentKinds.Certificate));
        var (_, certificate, _) = await ReviewPdf.RenderAsync(single, "giay-chung-nhan-dong-bang");
        Assert.Contains("Nguyễn Văn An", certificate, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Thị Cúc", certificate, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_RowChangingADecidedYear_RefusedAndNothingElseChangesUnlessSkipped(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var files = ImportFiles.FromText(
            ImportFiles.Lines(ImportFiles.HouseholdHeader,
                "H1,03158,Bản Na Hu,Bản Na Hu,Nguyễn Văn An,rural,2026,900000,,1,1,capital,credit",
                "H2,03158,Bản Na Hu,Bản Na Hu,Lò Thị Hoa,rural,2026,900000,,1,1,capital,credit"),
            ImportFiles.Lines(ImportFiles.MemberHeader,
                "H1,Nguyễn Văn An,male,1985-03-14,03,head,,1,lower_secondary,0,none,self_employed",
                "H2,Lò Thị Hoa,female,1980-01-02,03,head,,1,primary,0,none,self_employed"));
        On(db, new DateOnly(2026, 1, 10));
        Assert.True((await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportFiles.Request(files), null, default))).Succeeded);
        var ids = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().Households.AsNoTracking().OrderBy(h => h.Code).Select(h => h.Id).ToListAsync());
        await RegularReviewAsync(db, 5, [(ids[0], Poor(2026))], "09/QĐ-UBND");

        // The same file with H1 (decided for 2026) renamed and richer, and H2 (not decided) richer.
        using var changed = ImportFiles.FromText(
            ImportFiles.Lines(ImportFiles.HouseholdHeader,
                "H1,03158,Bản Na Hu,Bản Na Hu,Nguyễn Văn Ân,rural,2026,3500000,,0,0,,",
                "H2,03158,Bản Na Hu,Bản Na Hu,Lò Thị Hoa,rural,2026,3500000,,0,0,,"),
            ImportFiles.Lines(ImportFiles.MemberHeader,
                "H1,Nguyễn Văn Ân,male,1985-03-14,03,head,,1,lower_secondary,0,none,self_employed",
                "H2,Lò Thị Hoa,female,1980-01-02,03,head,,1,primary,0,none,self_employed"));
        async Task<(string Head, long? Income1, long? Income2, string Category1)> StateAsync() => await db.RunAsync(async sp =>
        {
            var ctx = sp.GetRequiredService<AppDbContext>();
            var head = await ctx.Households.AsNoTracking().Where(h => h.Id == ids[0]).Select(h => h.HeadName).SingleAsync();
            var s1 = await ctx.HouseholdSurveys.AsNoTracking().Where(s => s.HouseholdId == ids[0] && s.Year == 2026).Select(s => s.IncomePerCapita).SingleAsync();
            var s2 = await ctx.HouseholdSurveys.AsNoTracking().Where(s => s.HouseholdId == ids[1] && s.Year == 2026).Select(s => s.IncomePerCapita).SingleAsync();
            var c1 = await ctx.HouseholdClassifications.AsNoTracking().Where(c => c.HouseholdId == ids[0] && c.Year == 2026 && c.StandardCode == "ND07_2021").Select(c => c.Category).SingleAsync();
            return (head, s1, s2, c1.ToString());
        });
        var before = await StateAsync();

        // Default: the whole file fails, listing the refused row with the household, the year, the decision and what to do.
        var refused = await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportFiles.Request(changed), null, default));
        Assert.False(refused.Succeeded);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((2L, "H1", "household_code"), (problem.Row, problem.Value, problem.Column));
        Assert.Contains("năm 2026 của hộ H1", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("09/QĐ-UBND", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("điều chỉnh qua rà soát thường xuyên", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());

        // With --skip-decided: H1 is refused (unchanged), H2 is imported.
        var skipped = await db.RunAsync(sp => sp.GetRequiredService<HouseholdImporter>().ImportAsync(ImportFiles.Request(changed) with { SkipDecided = true }, null, default));
        Assert.True(skipped.Succeeded);
        Assert.Equal("H1", Assert.Single(skipped.Refused).Value);
        Assert.Equal(1, skipped.Updated);
        var after = await StateAsync();
        Assert.Equal((before.Head, before.Income1, before.Category1), (after.Head, after.Income1, after.Category1));
        Assert.Equal(3_500_000, after.Income2);
        using var report = new MemoryStream();
        ImportErrorReport.WriteCsv(report, null, skipped.Refused);
        Assert.Contains("09/QĐ-UBND", System.Text.Encoding.UTF8.GetString(report.ToArray()), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReviewRules_EditedAsData_ChangeThePostingEndAndAreAudited(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var monday = new DateOnly(2026, 10, 5);
        Task<DateOnly> EndAsync() => db.RunAsync(sp => sp.GetRequiredService<ReviewSettings>().PostingEndAsync("11", monday, default));
        Task<Result<IReadOnlyList<ReviewRuleRow>>> SaveAsync(string? province, string key, string value) =>
            db.RunAsync(sp => sp.GetRequiredService<ReviewRuleCommands>().SaveAsync(province, new ReviewRuleInput(key, value, "K", "Bộ luật Dân sự 2015, Điều 147"), default));

        // Seeded from review-rules.json: 3 working days, the first day not counted (Civil Code 2015 Art. 147(2)).
        Assert.Equal(new DateOnly(2026, 10, 8), await EndAsync());
        var rows = await db.RunAsync(sp => sp.GetRequiredService<ReviewRuleCommands>().ListAsync(null, default));
        var convention = rows.Single(r => r.Key == "postingCountsFirstDay");
        Assert.Equal(("false", "K"), (convention.National.Value, convention.National.Mark));
        Assert.Contains("147", convention.National.Source, StringComparison.Ordinal);
        Assert.Equal(("true", "V3"), rows.Where(r => r.Key == "periodicPolicyFromNextYear").Select(r => (r.National.Value, r.National.Mark)).Single());

        // The national convention changed by the administrator: the start day counts.
        Assert.Equal(ResultStatus.Ok, (await SaveAsync(null, "postingCountsFirstDay", "true")).Status);
        Assert.Equal(new DateOnly(2026, 10, 7), await EndAsync());

        // A provincial officer overrides the number of days for the province; the nation is untouched; others may not.
        Province(db);
        Assert.Equal(ResultStatus.Forbidden, (await SaveAsync(null, "postingWorkingDays", "5")).Status);
        Assert.Equal(ResultStatus.Ok, (await SaveAsync("11", "postingWorkingDays", "5")).Status);
        Assert.Equal(new DateOnly(2026, 10, 9), await EndAsync());
        Assert.Equal(new DateOnly(2026, 10, 7), await db.RunAsync(sp => sp.GetRequiredService<ReviewSettings>().PostingEndAsync("12", monday, default)));
        var invalid = await SaveAsync("11", "postingWorkingDays", "0");
        Assert.Equal(ResultStatus.Invalid, invalid.Status);
        Assert.Contains("từ 1 đến 30", invalid.Errors["postingWorkingDays"][0], StringComparison.Ordinal);
        Assert.Equal(ResultStatus.Invalid, (await SaveAsync("11", "postingCountsFirstDay", "có lẽ")).Status);
        Commune(db);
        Assert.Equal(ResultStatus.Forbidden, (await SaveAsync(Samples.CommuneA, "postingWorkingDays", "2")).Status);

        // Export and import (all or nothing): an invalid file changes nothing; a valid one applies.
        db.User.Become("admin", Roles.SystemAdmin, null, null);
        var exported = (await db.RunAsync(sp => sp.GetRequiredService<ReviewRuleCommands>().ExportAsync(null, default))).Value!;
        Assert.Contains("\"postingCountsFirstDay\": true", exported, StringComparison.Ordinal);
        var bad = exported.Replace("\"postingCountsFirstDay\": true", "\"postingCountsFirstDay\": false", StringComparison.Ordinal)
            .Replace("\"meetingAgreementPercent\": 50", "\"meetingAgreementPercent\": 150", StringComparison.Ordinal);
        Assert.Equal(ResultStatus.Invalid, (await db.RunAsync(sp => sp.GetRequiredService<ReviewRuleCommands>().ImportAsync(null, bad, default))).Status);
        Assert.Equal(new DateOnly(2026, 10, 7), await db.RunAsync(sp => sp.GetRequiredService<ReviewSettings>().PostingEndAsync("12", monday, default)));
        var good = exported.Replace("\"postingCountsFirstDay\": true", "\"postingCountsFirstDay\": false", StringComparison.Ordinal);
        Assert.Equal(ResultStatus.Ok, (await db.RunAsync(sp => sp.GetRequiredService<ReviewRuleCommands>().ImportAsync(null, good, default))).Status);
        Assert.Equal(new DateOnly(2026, 10, 8), await db.RunAsync(sp => sp.GetRequiredService<ReviewSettings>().PostingEndAsync("12", monday, default)));

        var audit = await db.RunAsync(sp => sp.GetRequiredService<AppDbContext>().AuditRecords.AsNoTracking().Where(a => a.Action.StartsWith("review.rules.")).Select(a => a.Action).ToListAsync());
        Assert.Equal(2, audit.Count(a => a == "review.rules.update"));
        Assert.Single(audit, a => a == "review.rules.import");
    }
}
