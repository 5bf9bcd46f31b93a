using System.Globalization;
using GiamNgheo.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace GiamNgheo.Application.Reviews.Steps;

/// <summary>S7: certificates (Mẫu 03) for the recognised poor and near-poor households, numbered in the commune's yearly sequence.</summary>
internal sealed class IssueCertificates(ReviewServices services) : ReviewStep(services)
{
    public Task<Result<CommuneBoard>> RunAsync(long communeReviewId, CancellationToken ct) =>
        OnCommuneAsync(communeReviewId, Officers, async target =>
        {
            var (cr, campaign) = (target.Commune, target.Campaign);
            var households = await Db.ReviewHouseholds.Where(h => h.CommuneReviewId == cr.Id).OrderBy(h => h.VillageCode).ThenBy(h => h.HouseholdId).ToListAsync(ct);
            if (ApplyCommune(cr, campaign, households, CommuneAction.IssueCertificates, Db.Clock.Today(), null) is { } refused)
            {
                return Refused(refused);
            }

            // Numbers continue the year's sequence of the commune: a regular review earlier in the year has numbered its own.
            var suffix = string.Create(CultureInfo.InvariantCulture, $"/{campaign.Year}/GCN-{cr.CommuneCode}");
            var earlier = await (from h in Db.ReviewHouseholds
                                 join c in Db.CommuneReviews on h.CommuneReviewId equals c.Id
                                 where c.CommuneCode == cr.CommuneCode && c.Id != cr.Id && h.CertificateNumber != null
                                 select h.CertificateNumber!).ToListAsync(ct);
            var seq = earlier.Where(n => n.EndsWith(suffix, StringComparison.Ordinal))
                .Select(n => int.TryParse(n.AsSpan(0, n.IndexOf('/', StringComparison.Ordinal)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : 0)
                .DefaultIfEmpty(0).Max();
            foreach (var rh in households.Where(h => !h.State.IsExcluded()))
            {
                ApplyHousehold(cr, rh, HouseholdAction.Certify, Db.Clock.Today(), 0, 0, null);
                if (rh.Category is "poor" or "near_poor")
                {
                    rh.CertificateNumber = string.Create(CultureInfo.InvariantCulture, $"{++seq:000}{suffix}");
                }
            }

            return null;
        }, ct, target => Services.Documents.FreezeCertificatesAsync(target.Commune.Id, ct));
}
