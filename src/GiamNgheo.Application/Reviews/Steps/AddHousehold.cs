using System.Globalization;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>S1: adds a household of the commune, given by its code (mã hộ), that applied (Mẫu 01, with its date and reason) or by hand with a reason.</summary>
internal sealed class AddHousehold(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long communeReviewId, AddHouseholdInput input, CancellationToken ct) =>
        OnCommuneAsync(communeReviewId, Officers, async target =>
        {
            var cr = target.Commune;
            if (cr.State is not (CommuneReviewState.Listing or CommuneReviewState.Surveying))
            {
                return Refused(cr.State >= CommuneReviewState.Decided
                    ? "Kết quả rà soát của xã đã được quyết định công nhận và bị khóa; hộ mới được xét ở đợt rà soát thường xuyên."
                    : $"Chỉ thêm hộ vào danh sách khi xã đang lập danh sách hoặc khảo sát (hiện: \"{cr.State.ToVietnamese()}\").");
            }

            var errors = new ValidationErrors();
            var code = input.HouseholdCode?.Trim();
            var inCommune = Db.Households.AsNoTracking().Where(h => h.ProvinceCode == cr.ProvinceCode && h.CommuneCode == cr.CommuneCode);
            var household = string.IsNullOrEmpty(code)
                ? await inCommune.SingleOrDefaultAsync(h => h.Id == input.HouseholdId, ct)
                : await inCommune.SingleOrDefaultAsync(h => h.Code == code, ct);
            var field = string.IsNullOrEmpty(code) ? "householdId" : "householdCode";
            if (household is null)
            {
                errors.Add(field, string.IsNullOrEmpty(code) && input.HouseholdId == 0
                    ? "Chọn hộ cần thêm (tìm theo mã hộ hoặc họ tên)."
                    : string.IsNullOrEmpty(code) ? "Hộ không thuộc xã này." : $"Không có hộ mã {code} trong xã này.");
            }
            else if (await Db.ReviewHouseholds.AnyAsync(h => h.CommuneReviewId == cr.Id && h.HouseholdId == household.Id, ct))
            {
                errors.Add(field, $"Hộ {household.Code} ({household.HeadName}) đã có trong danh sách rà soát.");
            }

            switch (input.Reason)
            {
                case ListingReason.CurrentList:
                    errors.Add("reason", "Hộ thuộc danh sách hiện hành được đưa vào khi lập danh sách; thêm tay phải là đơn Mẫu 01 hoặc lý do khác.");
                    break;
                case ListingReason.Application:
                    if (input.ApplicationDate is not { } date || date > Db.Clock.Today())
                    {
                        errors.Add("applicationDate", $"Nhập ngày nộp Giấy đề nghị (Mẫu 01), không sau hôm nay ({Day(Db.Clock.Today())}).");
                    }

                    if (string.IsNullOrWhiteSpace(input.ReasonText))
                    {
                        errors.Add("reasonText", "Nhập lý do đề nghị rà soát ghi trong Mẫu 01.");
                    }

                    break;
                case ListingReason.Manual:
                    if (string.IsNullOrWhiteSpace(input.ReasonText))
                    {
                        errors.Add("reasonText", "Nhập lý do bổ sung hộ vào danh sách rà soát.");
                    }

                    break;
            }

            if (errors.Any)
            {
                return Result<CommuneBoard>.Invalid(errors.ToDictionary());
            }

            var rh = new ReviewHouseholdEntity
            {
                CommuneReviewId = cr.Id,
                ProvinceCode = household!.ProvinceCode,
                HouseholdId = household.Id,
                VillageCode = household!.VillageCode,
                ListingReason = input.Reason,
                ApplicationDate = input.Reason == ListingReason.Application ? input.ApplicationDate : null,
                ReasonText = Domain.Common.VietnameseText.NormalizeName(input.ReasonText!),
                State = HouseholdReviewState.Listed,
                PreviousCategory = await new ReviewListing(Db).PreviousCategoryAsync(household.Id, cr.CommuneCode, target.Campaign, ct),
            };
            Db.ReviewHouseholds.Add(rh);
            Db.AddAuditEvent("review.household.add", "CommuneReview", cr.Id.ToString(CultureInfo.InvariantCulture), household.Id,
                new { reason = input.Reason.ToString(), input.ApplicationDate, rh.ReasonText });
            return null;
        }, ct);
}
