using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>S3: keeps the signed minutes of a meeting (PDF, PNG or JPEG, at most 10 MB) with the campaign.</summary>
internal sealed class UploadMinutes(ReviewServices services) : ReviewStep(services)
{
    private const int MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, byte[]> Magic = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF"u8.ToArray(),
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47],
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
    };

    public Task<Result<MeetingRow>> RunAsync(long meetingId, string fileName, string contentType, byte[] content, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var meeting = await Db.ReviewMeetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct);
            if (meeting is null)
            {
                return Result<MeetingRow>.NotFound();
            }

            var (target, error) = await LoadCommuneAsync(meeting.CommuneReviewId, Officers, ct);
            if (error is not null)
            {
                return Convert<MeetingRow, CommuneBoard>(error);
            }

            if (!Magic.TryGetValue(contentType, out var magic) || content.Length < magic.Length || !content.AsSpan(0, magic.Length).SequenceEqual(magic))
            {
                return Result<MeetingRow>.Invalid(new Dictionary<string, string[]> { ["file"] = ["Biên bản phải là tệp PDF, PNG hoặc JPEG."] });
            }

            if (content.Length > MaxBytes)
            {
                return Result<MeetingRow>.Invalid(new Dictionary<string, string[]> { ["file"] = ["Biên bản không được lớn hơn 10 MB."] });
            }

            var name = Path.GetFileName(fileName);
            var file = new ReviewFileEntity
            {
                CampaignId = target!.Campaign.Id,
                FileName = string.IsNullOrWhiteSpace(name) ? "bien-ban" : name,
                ContentType = contentType.ToLowerInvariant(),
                Content = content,
                UploadedAtUtc = Db.Clock.GetUtcNow().UtcDateTime,
                UploadedBy = Db.CurrentUser.UserName,
            };
            Db.ReviewFiles.Add(file);
            await Db.SaveChangesAsync(ct); // flushed for the file's key, in the step's transaction
            meeting.MinutesFileId = file.Id;
            meeting.MinutesFileName = file.FileName;
            meeting.MinutesContentType = file.ContentType;
            Db.AddAuditEvent("review.minutes", "ReviewMeeting", meeting.Id.ToString(CultureInfo.InvariantCulture), null,
                new { file.FileName, file.ContentType, bytes = content.Length, sha256 = System.Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)) });
            await Db.SaveChangesAsync(ct);
            return Result<MeetingRow>.Ok(new MeetingRow(meeting.Id, meeting.VillageCode, meeting.HeldOn, meeting.Attendees, meeting.Roles, meeting.MinutesFileName));
        }, ct);
}
