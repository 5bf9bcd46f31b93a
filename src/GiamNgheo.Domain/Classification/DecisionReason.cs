using GiamNgheo.Domain.Common;

namespace GiamNgheo.Domain.Classification;

/// <summary>The Vietnamese sentence that explains a decision and cites the article.</summary>
internal static class DecisionReason
{
    public static string Sentence(DecidingRule rule, IncomeBasis basis, AreaType area, long value, long poverty, long? near, long? medium, int deprivations, int k, string article)
    {
        var unit = basis switch
        {
            IncomeBasis.Income => " đồng",
            IncomeBasis.B1Score => " điểm",
        };
        var subject = basis switch
        {
            IncomeBasis.Income => $"Thu nhập bình quân {VietnameseNumber.Format(value)} đồng/người/tháng",
            IncomeBasis.B1Score => $"Điểm B1 là {VietnameseNumber.Format(value)}",
        };
        string Amount(long amount) => VietnameseNumber.Format(amount) + unit;
        var areaName = area.ToVietnamese().ToLowerInvariant();
        var count = $"thiếu hụt {deprivations} chỉ số";
        var topLine = near ?? poverty;
        return rule switch
        {
            DecidingRule.AtOrBelowPovertyLine =>
                $"{subject}, từ {Amount(poverty)} trở xuống (khu vực {areaName}): hộ nghèo theo {article}, không phụ thuộc số chỉ số thiếu hụt.",
            DecidingRule.BetweenLinesDeprivedEnough =>
                $"{subject}, trên {Amount(poverty)} đến {Amount(topLine)} (khu vực {areaName}), {count} (từ {k} chỉ số trở lên): hộ nghèo theo {article}.",
            DecidingRule.BetweenLinesDeprivedLess =>
                $"{subject}, trên {Amount(poverty)} đến {Amount(topLine)} (khu vực {areaName}), {count} (dưới {k} chỉ số): hộ cận nghèo theo {article}.",
            DecidingRule.AtOrBelowLineDeprivedEnough =>
                $"{subject}, từ {Amount(poverty)} trở xuống (khu vực {areaName}), {count} (từ {k} chỉ số trở lên): hộ nghèo theo {article}.",
            DecidingRule.AtOrBelowLineDeprivedLess =>
                $"{subject}, từ {Amount(poverty)} trở xuống (khu vực {areaName}), {count} (dưới {k} chỉ số): hộ cận nghèo theo {article}.",
            DecidingRule.WithinMediumBand =>
                $"{subject}, trên {Amount(topLine)} đến {Amount(medium ?? topLine)} (khu vực {areaName}): hộ có mức sống trung bình theo {article} (chỉ xét thu nhập).",
            DecidingRule.AboveLines =>
                $"{subject}, trên {Amount(medium ?? topLine)} (khu vực {areaName}): hộ không nghèo theo {article}.",
        };
    }
}
