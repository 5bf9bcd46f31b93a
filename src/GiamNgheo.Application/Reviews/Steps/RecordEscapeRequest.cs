using GiamNgheo.Application.Identity;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>Mẫu 04: a household's request to be recognised as having left the poor / near-poor list, linked into any open review of its commune.</summary>
internal sealed class RecordEscapeRequest(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<long>> RunAsync(EscapeRequestInput input, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            if (!UnitScope.IsAny(Db.CurrentUser, Officers))
            {
                return Result<long>.Forbidden(NotAllowed);
            }

            var household = await UnitScope.Apply(Db.Households.AsNoTracking(), Db.CurrentUser).SingleOrDefaultAsync(h => h.Id == input.HouseholdId, ct);
            if (household is null)
            {
                return Result<long>.NotFound();
            }

            var errors = new ValidationErrors();
            if (input.FromCategory is not ("poor" or "near_poor"))
            {
                errors.Add("fromCategory", "Chọn đề nghị thoát nghèo (poor) hoặc thoát cận nghèo (near_poor).");
            }

            if (input.ReceivedOn > Db.Clock.Today())
            {
                errors.Add("receivedOn", "Ngày nhận đơn không được sau hôm nay.");
            }

            if (errors.Any)
            {
                return Result<long>.Invalid(errors.ToDictionary());
            }

            var request = new EscapeRequestEntity
            {
                ProvinceCode = household.ProvinceCode,
                HouseholdId = household.Id,
                CommuneCode = household.CommuneCode,
                ReceivedOn = input.ReceivedOn,
                FromCategory = input.FromCategory,
                Reason = input.Reason?.Trim(),
            };
            Db.EscapeRequests.Add(request);
            await Db.SaveChangesAsync(ct);
            var listing = new ReviewListing(Db);
            foreach (var cr in await Db.CommuneReviews.Where(c => c.CommuneCode == household.CommuneCode && c.State <= CommuneReviewState.Surveying).ToListAsync(ct))
            {
                await listing.LinkEscapeRequestsAsync(cr, ct);
            }

            return Result<long>.Ok(request.Id);
        }, ct);
}
