using System.Globalization;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>
/// S3: the village meeting: one vote per household, each passing or sent back to the survey by the province's majority
/// rule; the commune returns to the survey step when any household is sent back. A refused vote or transition refuses the
/// whole meeting: the transaction is rolled back, no meeting, vote or state is kept.
/// </summary>
internal sealed class RecordMeeting(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<MeetingResult>> RunAsync(long communeReviewId, MeetingInput input, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var (target, error) = await LoadCommuneAsync(communeReviewId, Officers, ct);
            if (error is not null)
            {
                return Convert<MeetingResult, CommuneBoard>(error);
            }

            var (cr, campaign) = (target!.Commune, target.Campaign);
            var errors = new ValidationErrors();
            if (input.HeldOn > Db.Clock.Today() || input.HeldOn < campaign.StartDate)
            {
                errors.Add("heldOn", $"Ngày họp phải từ ngày {Day(campaign.StartDate)} (bắt đầu đợt rà soát) đến ngày {Day(Db.Clock.Today())} (hôm nay).");
            }

            if (input.Attendees <= 0)
            {
                errors.Add("attendees", "Số người dự họp phải lớn hơn 0.");
            }

            if (input.Votes.Count == 0)
            {
                errors.Add("votes", "Nhập kết quả biểu quyết cho ít nhất một hộ.");
            }

            var households = await Db.ReviewHouseholds.Where(h => h.CommuneReviewId == cr.Id).ToDictionaryAsync(h => h.Id, ct);
            foreach (var vote in input.Votes)
            {
                if (!households.ContainsKey(vote.ReviewHouseholdId))
                {
                    errors.Add("votes", $"Hộ {vote.ReviewHouseholdId} không thuộc danh sách rà soát của xã.");
                }
                else if (vote.Agree < 0 || vote.Agree > input.Attendees)
                {
                    errors.Add("votes", "Số người đồng ý phải từ 0 đến số người dự họp.");
                }
            }

            if (input.Votes.Select(v => v.ReviewHouseholdId).Distinct().Count() != input.Votes.Count)
            {
                errors.Add("votes", "Mỗi hộ chỉ biểu quyết một lần trong một cuộc họp.");
            }

            if (errors.Any)
            {
                return Result<MeetingResult>.Invalid(errors.ToDictionary());
            }

            int agreed = 0, back = 0;
            var outcomes = new List<(ReviewHouseholdEntity Household, VoteInput Vote, bool Passed)>();
            foreach (var vote in input.Votes)
            {
                var rh = households[vote.ReviewHouseholdId];
                var passes = Rules.MeetingPasses(input.Attendees, vote.Agree);
                var action = vote.Passed ?? passes ? HouseholdAction.MeetingAgreed : HouseholdAction.MeetingRejected;
                if (ApplyHousehold(cr, rh, action, input.HeldOn, input.Attendees, vote.Agree, new { meetingDate = input.HeldOn }) is { } refused)
                {
                    return Result<MeetingResult>.Conflict($"Hộ {rh.HouseholdId}: {refused}");
                }

                rh.Attendees = input.Attendees;
                rh.Agree = vote.Agree;
                outcomes.Add((rh, vote, action == HouseholdAction.MeetingAgreed));
                if (action == HouseholdAction.MeetingAgreed)
                {
                    agreed++;
                }
                else
                {
                    back++;
                }
            }

            var meeting = new ReviewMeetingEntity
            {
                CommuneReviewId = cr.Id,
                VillageCode = input.VillageCode,
                HeldOn = input.HeldOn,
                Attendees = input.Attendees,
                Roles = input.Roles.Trim(),
            };
            Db.ReviewMeetings.Add(meeting);
            await Db.SaveChangesAsync(ct); // flushed for the meeting's key, in the step's transaction
            foreach (var (rh, vote, passed) in outcomes)
            {
                Db.ReviewVotes.Add(new ReviewVoteEntity { MeetingId = meeting.Id, ProvinceCode = rh.ProvinceCode, ReviewHouseholdId = rh.Id, Agree = vote.Agree, Passed = passed });
            }

            if (back > 0 && ApplyCommune(cr, campaign, [.. households.Values], CommuneAction.ReturnToSurvey, input.HeldOn, new { meetingId = meeting.Id, back }) is { } refusedCommune)
            {
                return Result<MeetingResult>.Conflict(refusedCommune);
            }

            Db.AddAuditEvent("review.meeting", "CommuneReview", cr.Id.ToString(CultureInfo.InvariantCulture), null,
                new { meetingId = meeting.Id, input.HeldOn, input.Attendees, input.Roles, agreed, back });
            await Db.SaveChangesAsync(ct);
            return Result<MeetingResult>.Ok(new MeetingResult(meeting.Id, agreed, back, cr.State));
        }, ct);
}
