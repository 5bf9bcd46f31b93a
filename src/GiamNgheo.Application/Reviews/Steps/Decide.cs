using System.Globalization;
using GiamNgheo.Application.Statuses;
using GiamNgheo.Application.Support;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>
/// S6: the commune chairman's decision (Mẫu 02): households recognised, the classifications under the legal standard carry
/// the decision, the statuses it freezes are written (household_statuses), results locked, Mẫu 02 frozen and the support
/// gaps of the households refreshed — all in one transaction.
/// </summary>
internal sealed class Decide(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long communeReviewId, DecisionInput input, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var (target, error) = await LoadCommuneAsync(communeReviewId, Officers, ct);
            if (error is not null)
            {
                return error;
            }

            var (cr, campaign) = (target!.Commune, target.Campaign);
            var errors = new ValidationErrors();
            if (string.IsNullOrWhiteSpace(input.Number))
            {
                errors.Add("number", "Nhập số quyết định.");
            }

            if (string.IsNullOrWhiteSpace(input.Signer))
            {
                errors.Add("signer", "Nhập người ký quyết định (Chủ tịch UBND xã).");
            }

            if (input.SignedOn > Db.Clock.Today())
            {
                errors.Add("signedOn", $"Ngày ký không được sau hôm nay ({Day(Db.Clock.Today())}).");
            }

            if (errors.Any)
            {
                return Result<CommuneBoard>.Invalid(errors.ToDictionary());
            }

            var households = await HouseholdsAsync(cr.Id, ct);
            var decision = new RecognitionDecisionEntity
            {
                CommuneReviewId = cr.Id,
                CommuneCode = cr.CommuneCode,
                Year = campaign.Year,
                StandardCode = campaign.StandardCode,
                Number = input.Number.Trim(),
                SignedOn = input.SignedOn,
                Signer = Domain.Common.VietnameseText.NormalizeName(input.Signer),
            };
            if (ApplyCommune(cr, campaign, households, CommuneAction.Decide, input.SignedOn, new { decision.Number, decision.SignedOn, decision.Signer }) is { } refused)
            {
                return Refused(refused);
            }

            foreach (var rh in households.Where(h => !h.State.IsExcluded()))
            {
                ApplyHousehold(cr, rh, HouseholdAction.Decide, input.SignedOn, 0, 0, null);
            }

            Db.RecognitionDecisions.Add(decision);
            await Db.SaveChangesAsync(ct); // flushed for the decision's key, in the step's transaction
            cr.DecisionId = decision.Id;
            // Households removed from the list or not re-surveyed keep their earlier status (and its decision).
            var ids = households.Where(h => !h.State.IsExcluded()).Select(h => h.HouseholdId).ToList();
            var rows = await Db.HouseholdClassifications
                .Where(c => ids.Contains(c.HouseholdId) && c.Year == campaign.Year && c.StandardCode == campaign.StandardCode).ToListAsync(ct);
            foreach (var row in rows)
            {
                row.DecisionId = decision.Id;
            }

            Db.AddAuditEvent("review.decision.recognise", "RecognitionDecision", decision.Id.ToString(CultureInfo.InvariantCulture), null,
                new { decision.Number, decision.SignedOn, households = ids.Count, classifications = rows.Count });
            // The statuses the decision freezes (household_statuses), saved with the classifications; then the entitlements follow them.
            await new HouseholdStatusWriter(Db).StageAsync(decision, campaign.Kind, ids, ct);
            await Db.SaveChangesAsync(ct);
            await Services.Documents.FreezeDecisionAsync(cr.Id, ct);
            await Db.RefreshGapsAsync(ids, ct);
            return await BoardAsync(cr.Id, ct);
        }, ct);
}
