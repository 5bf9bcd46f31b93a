using System.Globalization;
using GiamNgheo.Application.Documents;
using GiamNgheo.Application.Persistence;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GiamNgheo.Application.Reviews.Documents;

/// <summary>
/// The review's documents as PDFs (Noto Sans, Vietnamese): the posting list, the recognition decision (Mẫu 02) and the
/// certificates (Mẫu 03). Each is rendered once, at its step, from the rows as they are then, and stored with its SHA-256
/// (<see cref="ReviewDocumentEntity"/>); every later print serves the stored bytes, so a re-print is byte-identical and
/// later edits or imports of a household never change a signed document. Reviews recorded before documents were frozen
/// get theirs frozen at the first print.
/// </summary>
public sealed class ReviewDocuments(AppDbContext db, ReviewQueries queries, Standards.StandardRegistry standards)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The standard as documents name it (from the standards table), never its code.</summary>
    private async Task<string> StandardNameAsync(string code, CancellationToken ct) =>
        (await standards.AllAsync(ct)).FirstOrDefault(s => s.Standard.Code == code).Standard?.LabelVi ?? code;

    private async Task<string> LegalBasisAsync(string code, CancellationToken ct) =>
        (await standards.AllAsync(ct)).FirstOrDefault(s => s.Standard.Code == code).Standard?.LegalBasis.Value ?? code;

    private static string Lower(string text) => text.Length > 0 ? char.ToLower(text[0], Vi) + text[1..] : text;

    // ---------------------------------------------------------------- serving (stored bytes)

    /// <summary>The public posting list of the commune (or one village), available from the posting step on; the latest posting or re-posting.</summary>
    public async Task<Result<DocumentFile>> PostingListAsync(long communeReviewId, string? villageCode, CancellationToken ct)
    {
        var board = await queries.BoardAsync(communeReviewId, ct);
        if (board is null)
        {
            return Result<DocumentFile>.NotFound();
        }

        if (board.State < CommuneReviewState.Posting)
        {
            return Result<DocumentFile>.Conflict($"Danh sách niêm yết chỉ có từ bước \"{CommuneReviewState.Posting.ToVietnamese()}\" (hiện: \"{board.StateVi}\").");
        }

        if (db.CurrentUser.ScopeLevel == AdminUnits.AdminLevel.Village)
        {
            villageCode = db.CurrentUser.ScopeUnitCode; // a village reviewer prints their village's list
        }

        var stored = await StoredAsync(communeReviewId, ReviewDocumentKinds.Posting, null, villageCode, ct)
            ?? await FreezeAsync(communeReviewId, ReviewDocumentKinds.Posting, null, villageCode, await RenderPostingAsync(board, villageCode, ct), ct);
        db.AddAuditEvent("review.document.posting", "CommuneReview", communeReviewId.ToString(CultureInfo.InvariantCulture), null,
            new { villageCode, documentId = stored.Id, stored.Sha256 });
        await db.SaveChangesAsync(ct);
        return Result<DocumentFile>.Ok(new DocumentFile(stored.FileName, stored.ContentType, stored.Content));
    }

    /// <summary>Certificates (Mẫu 03) as issued: all of the commune review, or one household's when <paramref name="reviewHouseholdId"/> is given.</summary>
    public async Task<Result<DocumentFile>> CertificatesAsync(long communeReviewId, long? reviewHouseholdId, CancellationToken ct)
    {
        var board = await queries.BoardAsync(communeReviewId, ct);
        if (board is null)
        {
            return Result<DocumentFile>.NotFound();
        }

        if (board.State < CommuneReviewState.CertificatesIssued || board.State > CommuneReviewState.Accepted)
        {
            return Result<DocumentFile>.Conflict("Giấy chứng nhận chỉ in được sau khi đã có quyết định công nhận và cấp giấy chứng nhận.");
        }

        ReviewDocumentEntity? stored;
        if (reviewHouseholdId is { } rhId)
        {
            var row = board.Households.FirstOrDefault(h => h.Id == rhId && h.CertificateNumber is not null);
            if (row is null)
            {
                return Result<DocumentFile>.NotFound();
            }

            stored = await StoredAsync(communeReviewId, ReviewDocumentKinds.Certificate, row.HouseholdId, null, ct);
            if (stored is null)
            {
                await FreezeCertificatesAsync(communeReviewId, ct);
                stored = await StoredAsync(communeReviewId, ReviewDocumentKinds.Certificate, row.HouseholdId, null, ct);
            }
        }
        else
        {
            if (db.CurrentUser.ScopeLevel == AdminUnits.AdminLevel.Village)
            {
                return Result<DocumentFile>.Forbidden("Giấy chứng nhận của cả xã do cán bộ xã hoặc tỉnh in; rà soát viên thôn in giấy của từng hộ.");
            }

            stored = await StoredAsync(communeReviewId, ReviewDocumentKinds.Certificates, null, null, ct);
            if (stored is null)
            {
                await FreezeCertificatesAsync(communeReviewId, ct);
                stored = await StoredAsync(communeReviewId, ReviewDocumentKinds.Certificates, null, null, ct);
            }
        }

        if (stored is null)
        {
            return Result<DocumentFile>.NotFound();
        }

        db.AddAuditEvent("review.document.certificates", "CommuneReview", communeReviewId.ToString(CultureInfo.InvariantCulture), null,
            new { reviewHouseholdId, documentId = stored.Id, stored.Sha256 });
        await db.SaveChangesAsync(ct);
        return Result<DocumentFile>.Ok(new DocumentFile(stored.FileName, stored.ContentType, stored.Content));
    }

    /// <summary>
    /// The recognition decision (Mẫu 02 of QĐ 24/2021/QĐ-TTg) as recorded: number, date, signer, and four annexed lists
    /// (poor, near-poor, escaped poverty, escaped near-poverty). Available once the decision is recorded.
    /// </summary>
    public async Task<Result<DocumentFile>> DecisionAsync(long communeReviewId, CancellationToken ct)
    {
        if (db.CurrentUser.ScopeLevel == AdminUnits.AdminLevel.Village)
        {
            // A village reviewer sees only their village's households; the decision covers the whole commune.
            return Result<DocumentFile>.Forbidden("Quyết định công nhận của xã do cán bộ xã hoặc tỉnh in.");
        }

        var board = await queries.BoardAsync(communeReviewId, ct);
        if (board is null)
        {
            return Result<DocumentFile>.NotFound();
        }

        var decisionId = await db.CommuneReviews.AsNoTracking().Where(c => c.Id == communeReviewId).Select(c => c.DecisionId).SingleAsync(ct);
        var decision = decisionId is null ? null : await db.RecognitionDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId, ct);
        if (decision is null || board.State < CommuneReviewState.Decided)
        {
            return Result<DocumentFile>.Conflict($"Quyết định công nhận (Mẫu 02) chỉ có sau bước \"{CommuneReviewState.Decided.ToVietnamese()}\" (hiện: \"{board.StateVi}\").");
        }

        var stored = await StoredAsync(communeReviewId, ReviewDocumentKinds.Decision, null, null, ct)
            ?? await FreezeAsync(communeReviewId, ReviewDocumentKinds.Decision, null, null, await RenderDecisionAsync(board, decision, ct), ct);
        db.AddAuditEvent("review.document.decision", "RecognitionDecision", decision.Id.ToString(CultureInfo.InvariantCulture), null,
            new { communeReviewId, documentId = stored.Id, stored.Sha256 });
        await db.SaveChangesAsync(ct);
        return Result<DocumentFile>.Ok(new DocumentFile(stored.FileName, stored.ContentType, stored.Content));
    }

    // ---------------------------------------------------------------- freezing (at the step)

    /// <summary>At posting start and each re-posting: the commune's posting list and each village's, as they are now.</summary>
    public async Task FreezePostingAsync(long communeReviewId, CancellationToken ct)
    {
        var board = await queries.BoardAsync(communeReviewId, ct) ?? throw new InvalidOperationException("The commune review is not visible.");
        await FreezeAsync(communeReviewId, ReviewDocumentKinds.Posting, null, null, await RenderPostingAsync(board, null, ct), ct);
        foreach (var village in Active(board.Households).Select(h => h.VillageCode).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await FreezeAsync(communeReviewId, ReviewDocumentKinds.Posting, null, village, await RenderPostingAsync(board, village, ct), ct);
        }
    }

    /// <summary>At the decision: Mẫu 02 with its annexes, from the decided rows as they are now.</summary>
    public async Task FreezeDecisionAsync(long communeReviewId, CancellationToken ct)
    {
        var board = await queries.BoardAsync(communeReviewId, ct) ?? throw new InvalidOperationException("The commune review is not visible.");
        var decisionId = await db.CommuneReviews.AsNoTracking().Where(c => c.Id == communeReviewId).Select(c => c.DecisionId).SingleAsync(ct);
        var decision = await db.RecognitionDecisions.AsNoTracking().SingleAsync(d => d.Id == decisionId, ct);
        if (await StoredAsync(communeReviewId, ReviewDocumentKinds.Decision, null, null, ct) is null)
        {
            await FreezeAsync(communeReviewId, ReviewDocumentKinds.Decision, null, null, await RenderDecisionAsync(board, decision, ct), ct);
        }
    }

    /// <summary>At the certificates step: the batch and one document per certified household, as they are now.</summary>
    public async Task FreezeCertificatesAsync(long communeReviewId, CancellationToken ct)
    {
        var board = await queries.BoardAsync(communeReviewId, ct) ?? throw new InvalidOperationException("The commune review is not visible.");
        var rows = Active(board.Households).Where(h => h.CertificateNumber is not null).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        if (await StoredAsync(communeReviewId, ReviewDocumentKinds.Certificates, null, null, ct) is null)
        {
            await FreezeAsync(communeReviewId, ReviewDocumentKinds.Certificates, null, null, await RenderCertificatesAsync(board, rows, ct), ct);
        }

        foreach (var row in rows)
        {
            if (await StoredAsync(communeReviewId, ReviewDocumentKinds.Certificate, row.HouseholdId, null, ct) is null)
            {
                await FreezeAsync(communeReviewId, ReviewDocumentKinds.Certificate, row.HouseholdId, null, await RenderCertificatesAsync(board, [row], ct), ct);
            }
        }
    }

    private Task<ReviewDocumentEntity?> StoredAsync(long communeReviewId, string kind, long? householdId, string? villageCode, CancellationToken ct) =>
        db.ReviewDocuments.AsNoTracking()
            .Where(d => d.CommuneReviewId == communeReviewId && d.Kind == kind && d.HouseholdId == householdId && d.VillageCode == villageCode)
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);

    private async Task<ReviewDocumentEntity> FreezeAsync(long communeReviewId, string kind, long? householdId, string? villageCode, DocumentFile file, CancellationToken ct)
    {
        var entity = new ReviewDocumentEntity
        {
            CommuneReviewId = communeReviewId,
            ProvinceCode = await db.CommuneReviews.Where(c => c.Id == communeReviewId).Select(c => c.ProvinceCode).SingleAsync(ct),
            Kind = kind,
            HouseholdId = householdId,
            VillageCode = villageCode,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Content = file.Content,
            Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(file.Content)),
            CreatedAtUtc = db.Clock.GetUtcNow().UtcDateTime,
            CreatedBy = db.CurrentUser.UserName,
        };
        db.ReviewDocuments.Add(entity);
        await db.SaveChangesAsync(ct);
        db.AddAuditEvent("review.document.freeze", "ReviewDocument", entity.Id.ToString(CultureInfo.InvariantCulture), householdId,
            new { communeReviewId, kind, villageCode, entity.FileName, bytes = file.Content.Length, entity.Sha256 });
        await db.SaveChangesAsync(ct);
        db.Entry(entity).State = EntityState.Detached;
        return entity;
    }

    /// <summary>The households that take part in the review's outcome (not removed from the list, not "không rà soát lại").</summary>
    private static IEnumerable<ReviewHouseholdRow> Active(IEnumerable<ReviewHouseholdRow> rows) => rows.Where(r => !r.State.IsExcluded());

    // ---------------------------------------------------------------- rendering

    private async Task<DocumentFile> RenderPostingAsync(CommuneBoard board, string? villageCode, CancellationToken ct)
    {
        var provinceCode = await db.CommuneReviews.AsNoTracking().Where(c => c.Id == board.Id).Select(c => c.ProvinceCode).SingleAsync(ct);
        var rules = await new ReviewSettings(db).RulesAsync(provinceCode, ct);
        var rows = Active(board.Households).Where(h => villageCode is null || h.VillageCode == villageCode).ToList();
        var villages = await VillageNamesAsync(rows.Select(r => r.VillageCode), ct);
        using var doc = new Writer($"Danh sách niêm yết {board.CommuneName} {board.Year}");
        doc.Header($"ỦY BAN NHÂN DÂN {board.CommuneName.ToUpper(Vi)}");
        doc.Title($"DANH SÁCH NIÊM YẾT CÔNG KHAI KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM {board.Year}");
        if (villageCode is not null)
        {
            doc.Center(villages.GetValueOrDefault(villageCode, villageCode), 11, false);
        }

        doc.Center($"Thời gian niêm yết: từ ngày {D(board.PostingStart)} đến hết ngày {D(board.PostingEnd)} ({rules.PostingWorkingDays} ngày làm việc)", 10, false);
        doc.Center($"Chuẩn nghèo áp dụng: {await StandardNameAsync(board.StandardCode, ct)}", 10, false);
        doc.Space(8);
        float[] widths = [30, 95, 150, 95, 75, 85];
        doc.Row(["STT", "Mã hộ", "Họ và tên chủ hộ", "Thôn", "Năm trước", "Kết quả rà soát"], widths, bold: true);
        var i = 0;
        foreach (var r in rows)
        {
            doc.Row([(++i).ToString(CultureInfo.InvariantCulture), r.HouseholdCode, r.HeadName, villages.GetValueOrDefault(r.VillageCode ?? string.Empty, r.VillageCode ?? string.Empty),
                CategoryVi(r.PreviousCategory), CategoryVi(r.Category)], widths, bold: false);
        }

        doc.Space(10);
        doc.Left($"Tổng số: {rows.Count} hộ; hộ nghèo {rows.Count(r => r.Category == "poor")}, hộ cận nghèo {rows.Count(r => r.Category == "near_poor")}.", 10);
        doc.Left("Mọi ý kiến, khiếu nại gửi Ban Chỉ đạo rà soát xã trong thời gian niêm yết.", 10);
        var name = villageCode is null ? $"niem-yet-{board.CommuneCode}-{board.Year}.pdf" : $"niem-yet-{board.CommuneCode}-{board.Year}-{villageCode}.pdf";
        return new DocumentFile(name, "application/pdf", doc.ToBytes());
    }

    private async Task<DocumentFile> RenderCertificatesAsync(CommuneBoard board, List<ReviewHouseholdRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Include(h => h.Members).Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var villages = await VillageNamesAsync(rows.Select(r => r.VillageCode), ct);
        using var doc = new Writer($"Giấy chứng nhận {board.CommuneName} {board.Year}");
        var first = true;
        foreach (var r in rows)
        {
            if (!first)
            {
                doc.NewPage();
            }

            first = false;
            var h = households[r.HouseholdId];
            doc.Center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true);
            doc.Center("Độc lập - Tự do - Hạnh phúc", 12, true);
            doc.Space(6);
            doc.Left($"ỦY BAN NHÂN DÂN {board.CommuneName.ToUpper(Vi)}", 11, bold: true);
            doc.Left($"Số: {r.CertificateNumber}", 10);
            doc.Space(10);
            doc.Title(r.Category == "poor" ? "GIẤY CHỨNG NHẬN HỘ NGHÈO" : "GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO");
            doc.Center($"Năm {board.Year + 1}", 12, true);
            doc.Space(10);
            doc.Left($"Chủ tịch Ủy ban nhân dân {board.CommuneName} chứng nhận:", 11);
            doc.Left($"Hộ ông/bà: {h.HeadName}", 12, bold: true);
            doc.Left($"Mã hộ: {h.Code}", 11);
            doc.Left($"Địa chỉ: {(string.IsNullOrWhiteSpace(h.Address) ? $"{villages.GetValueOrDefault(h.VillageCode ?? string.Empty, h.VillageCode ?? string.Empty)}, {board.CommuneName}" : h.Address)}", 11);
            doc.Left($"Là {(r.Category == "poor" ? "hộ nghèo" : "hộ cận nghèo")} theo {Lower(await StandardNameAsync(board.StandardCode, ct))}, được công nhận tại Quyết định số {board.DecisionNumber} ngày {D(board.DecisionSignedOn)} của Chủ tịch UBND xã.", 11);
            doc.Space(6);
            doc.Left($"Các thành viên trong hộ ({h.Members.Count} người):", 11, bold: true);
            float[] widths = [30, 200, 90, 150];
            doc.Row(["STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ"], widths, bold: true);
            var i = 0;
            foreach (var m in h.Members.OrderBy(m => m.Order))
            {
                doc.Row([(++i).ToString(CultureInfo.InvariantCulture), m.FullName, m.DateOfBirth.Year.ToString(CultureInfo.InvariantCulture), Relation(m.RelationToHead)], widths, bold: false);
            }

            doc.Space(16);
            doc.Right($"{board.CommuneName}, ngày {D(db.Clock.Today())}", 11);
            doc.Right("CHỦ TỊCH", 11, bold: true);
            doc.Right("(Ký, ghi rõ họ tên, đóng dấu)", 9);
        }

        var name = rows.Count == 1 ? $"giay-chung-nhan-{rows[0].HouseholdCode}.pdf" : $"giay-chung-nhan-{board.CommuneCode}-{board.Year}.pdf";
        return new DocumentFile(name, "application/pdf", doc.ToBytes());
    }

    /// <summary>Mẫu 02: the header counts and the four annexes come from the same lists (<see cref="DecisionLists"/>).</summary>
    private async Task<DocumentFile> RenderDecisionAsync(CommuneBoard board, RecognitionDecisionEntity decision, CancellationToken ct)
    {
        var lists = DecisionLists.From(board.Households);
        var villages = await VillageNamesAsync(board.Households.Select(r => r.VillageCode), ct);
        var commune = board.CommuneName;
        var period = board.Kind == CampaignKind.Periodic
            ? $"rà soát định kỳ năm {board.Year}"
            : string.Create(CultureInfo.InvariantCulture, $"rà soát thường xuyên tháng {board.CampaignStart.Month:00}/{board.CampaignStart.Year}");
        using var doc = new Writer($"Quyết định {decision.Number} {commune}");
        doc.Columns($"ỦY BAN NHÂN DÂN {commune.ToUpper(Vi)}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 10.5, bold: true);
        doc.Columns(string.Empty, "Độc lập - Tự do - Hạnh phúc", 10.5, bold: true);
        doc.Space(4);
        doc.Columns($"Số: {decision.Number}", $"{commune}, ngày {decision.SignedOn.Day:00} tháng {decision.SignedOn.Month:00} năm {decision.SignedOn.Year}", 10.5, bold: false);
        doc.Space(14);
        doc.Title("QUYẾT ĐỊNH");
        doc.Center("Về việc công nhận danh sách hộ nghèo, hộ cận nghèo và danh sách hộ thoát nghèo,", 11, true);
        doc.Center($"hộ thoát cận nghèo trên địa bàn {commune} ({period})", 11, true);
        doc.Space(10);
        doc.Center($"CHỦ TỊCH ỦY BAN NHÂN DÂN {commune.ToUpper(Vi)}", 12, true);
        doc.Space(6);
        doc.Left("Căn cứ Luật Tổ chức chính quyền địa phương;", 10.5);
        doc.Left($"Căn cứ {await LegalBasisAsync(board.StandardCode, ct)} và các văn bản sửa đổi, thay thế;", 10.5);
        doc.Left("Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm;", 10.5);
        doc.Left($"Căn cứ kết quả {period} và kết quả niêm yết công khai{(board.PostingEnd is { } end ? $" đến hết ngày {D(end)}" : string.Empty)};", 10.5);
        doc.Left("Theo đề nghị của Ban Chỉ đạo rà soát hộ nghèo, hộ cận nghèo xã.", 10.5);
        doc.Space(6);
        doc.Center("QUYẾT ĐỊNH:", 12, true);
        doc.Left($"Điều 1. Công nhận danh sách hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo trên địa bàn {commune}, cụ thể:", 10.5, bold: true);
        doc.Left($"- Hộ nghèo: {lists.Poor.Count} hộ (Phụ lục I);", 10.5);
        doc.Left($"- Hộ cận nghèo: {lists.NearPoor.Count} hộ (Phụ lục II);", 10.5);
        doc.Left($"- Hộ thoát nghèo: {lists.EscapedPoverty.Count} hộ (Phụ lục III);", 10.5);
        doc.Left($"- Hộ thoát cận nghèo: {lists.EscapedNearPoverty.Count} hộ (Phụ lục IV).", 10.5);
        doc.Left("Điều 2. Hộ nghèo, hộ cận nghèo có tên tại Điều 1 được cấp Giấy chứng nhận (Mẫu số 03) và hưởng các chính sách theo quy định.", 10.5);
        doc.Left("Điều 3. Quyết định có hiệu lực kể từ ngày ký. Ban Chỉ đạo rà soát xã, Trưởng các thôn, bản và các hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.", 10.5);
        doc.Space(14);
        doc.Columns("Nơi nhận:", "CHỦ TỊCH", 10.5, bold: true);
        doc.Columns("- Như Điều 3;", "(Ký, ghi rõ họ tên, đóng dấu)", 9, bold: false);
        doc.Columns("- UBND tỉnh (báo cáo);", string.Empty, 9, bold: false);
        doc.Columns("- Lưu: VT.", string.Empty, 9, bold: false);
        doc.Space(30);
        doc.Columns(string.Empty, decision.Signer, 11, bold: true);

        (string Title, IReadOnlyList<ReviewHouseholdRow> Rows)[] annexes =
        [
            ("Phụ lục I: DANH SÁCH HỘ NGHÈO", lists.Poor),
            ("Phụ lục II: DANH SÁCH HỘ CẬN NGHÈO", lists.NearPoor),
            ("Phụ lục III: DANH SÁCH HỘ THOÁT NGHÈO", lists.EscapedPoverty),
            ("Phụ lục IV: DANH SÁCH HỘ THOÁT CẬN NGHÈO", lists.EscapedNearPoverty),
        ];
        float[] widths = [35, 190, 150, 120];
        foreach (var (title, rows) in annexes)
        {
            doc.NewPage();
            doc.Title(title);
            doc.Center($"(Kèm theo Quyết định số {decision.Number} ngày {D(decision.SignedOn)} của Chủ tịch UBND {commune})", 10, false);
            doc.Space(8);
            doc.Row(["STT", "Họ và tên chủ hộ", "Thôn", "Mã hộ"], widths, bold: true);
            var i = 0;
            foreach (var r in rows)
            {
                doc.Row([(++i).ToString(CultureInfo.InvariantCulture), r.HeadName, villages.GetValueOrDefault(r.VillageCode ?? string.Empty, r.VillageCode ?? string.Empty), r.HouseholdCode], widths, bold: false);
            }

            if (rows.Count == 0)
            {
                doc.Left("(Không có hộ nào.)", 10);
            }

            doc.Space(6);
            doc.Left($"Tổng số: {rows.Count} hộ.", 10);
        }

        var safeNumber = new string([.. decision.Number.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        return new DocumentFile($"quyet-dinh-{board.CommuneCode}-{board.Year}-{safeNumber}.pdf", "application/pdf", doc.ToBytes());
    }

    private Task<Dictionary<string, string>> VillageNamesAsync(IEnumerable<string?> codes, CancellationToken ct) =>
        ReviewQueries.CurrentNamesAsync(db, codes.OfType<string>(), full: false, ct);

    public static string CategoryVi(string? code) =>
        code is null ? "—" : HouseholdCategoryCodes.TryParse(code, out var c) ? c.ToVietnamese() : code;

    private static string Relation(Domain.Households.RelationToHead relation) => relation switch
    {
        Domain.Households.RelationToHead.Head => "Chủ hộ",
        Domain.Households.RelationToHead.Spouse => "Vợ/chồng",
        Domain.Households.RelationToHead.Child => "Con",
        Domain.Households.RelationToHead.Parent => "Bố/mẹ",
        Domain.Households.RelationToHead.Grandchild => "Cháu",
        Domain.Households.RelationToHead.Sibling => "Anh/chị/em",
        Domain.Households.RelationToHead.Other => "Khác",
    };

    private static string D(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "…";

    /// <summary>A minimal A4 flow writer: lines and table rows, new page when full.</summary>
    private sealed class Writer : IDisposable
    {
        private const double Margin = 50;
        private readonly PdfDocument document = new();
        private XGraphics graphics = null!;
        private PdfPage page = null!;
        private double y;

        public Writer(string title)
        {
            PdfFonts.EnsureRegistered();
            document.Info.Title = title;
            document.Info.Creator = "GiamNgheo";
            NewPage();
        }

        public void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        private static XFont Font(double size, bool bold) => bold ? new XFont(PdfFonts.Family, size, XFontStyleEx.Bold) : new XFont(PdfFonts.Family, size);

        private void Ensure(double height)
        {
            if (y + height > page.Height.Point - Margin)
            {
                NewPage();
            }
        }

        public void Header(string text) => Left(text, 11, bold: true);

        public void Title(string text) => Center(text, 14, true);

        public void Space(double points) => y += points;

        public void Center(string text, double size, bool bold) => Line(text, size, bold, XStringFormats.TopCenter, 0);

        public void Left(string text, double size, bool bold = false) => Line(text, size, bold, XStringFormats.TopLeft, 0);

        public void Right(string text, double size, bool bold = false) => Line(text, size, bold, XStringFormats.TopRight, 0);

        /// <summary>Two texts on one line: the left one in the left half, the right one centred in the right half.</summary>
        public void Columns(string left, string right, double size, bool bold)
        {
            var font = Font(size, bold);
            var half = (page.Width.Point - 2 * Margin) / 2;
            Ensure(size * 1.5);
            graphics.DrawString(left, font, XBrushes.Black, new XRect(Margin, y, half, size * 1.5), XStringFormats.TopLeft);
            graphics.DrawString(right, font, XBrushes.Black, new XRect(Margin + half - 20, y, half + 20, size * 1.5), XStringFormats.TopCenter);
            y += size * 1.5;
        }

        private void Line(string text, double size, bool bold, XStringFormat format, double indent)
        {
            var font = Font(size, bold);
            var width = page.Width.Point - 2 * Margin - indent;
            foreach (var line in Wrap(text, font, width))
            {
                Ensure(size * 1.5);
                graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin + indent, y, width, size * 1.5), format);
                y += size * 1.5;
            }
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            var words = text.Split(' ');
            var current = string.Empty;
            foreach (var word in words)
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
                {
                    yield return current;
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            yield return current;
        }

        public void Row(IReadOnlyList<string> cells, float[] widths, bool bold)
        {
            const double height = 18;
            Ensure(height);
            var font = Font(9, bold);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var rect = new XRect(x, y, widths[i], height);
                graphics.DrawRectangle(XPens.Black, rect);
                var text = cells[i];
                while (text.Length > 1 && graphics.MeasureString(text, font).Width > widths[i] - 6)
                {
                    text = text[..^2] + "…";
                }

                graphics.DrawString(text, font, XBrushes.Black, new XRect(x + 3, y + 3, widths[i] - 6, height - 6), XStringFormats.CenterLeft);
                x += widths[i];
            }

            y += height;
        }

        public void Dispose()
        {
            graphics.Dispose();
            document.Dispose();
        }

        public byte[] ToBytes()
        {
            graphics.Dispose();
            using var stream = new MemoryStream();
            document.Save(stream);
            return stream.ToArray();
        }
    }
}

/// <summary>The four lists annexed to the recognition decision (Mẫu 02), from the decided households of one commune review.</summary>
public sealed record DecisionLists(IReadOnlyList<ReviewHouseholdRow> Poor, IReadOnlyList<ReviewHouseholdRow> NearPoor,
    IReadOnlyList<ReviewHouseholdRow> EscapedPoverty, IReadOnlyList<ReviewHouseholdRow> EscapedNearPoverty)
{
    /// <summary>
    /// Poor / near-poor: the reviewed category. Escaped poverty: poor on the previous list and not poor now (to near-poor or above).
    /// Escaped near-poverty: near-poor on the previous list and now above the near-poor line (medium or not poor).
    /// </summary>
    public static DecisionLists From(IEnumerable<ReviewHouseholdRow> households)
    {
        var rows = households.Where(r => !r.State.IsExcluded()).OrderBy(r => r.VillageCode, StringComparer.Ordinal).ThenBy(r => r.HouseholdCode, StringComparer.Ordinal).ToList();
        static bool Above(string? c) => c is "medium" or "not_poor";
        return new DecisionLists(
            [.. rows.Where(r => r.Category == "poor")],
            [.. rows.Where(r => r.Category == "near_poor")],
            [.. rows.Where(r => r.PreviousCategory == "poor" && r.Category is not null && r.Category != "poor")],
            [.. rows.Where(r => r.PreviousCategory == "near_poor" && Above(r.Category))]);
    }
}
