using System.Globalization;
using GiamNgheo.Application.ReferenceData;

namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// A seeded, deterministic synthetic province: households with members for the real communes of a 2025 province,
/// calibrated so that their ND07_2021 poor and near-poor rates match the published 2022 rates of the commune's
/// region (docs/domain.md §9.2). <see cref="Generate"/> streams: one household is in memory at a time.
/// Household codes are <c>&lt;commune code&gt;-&lt;6-digit sequence from 000001&gt;</c>, e.g. <c>03151-000042</c>.
/// See docs/formats/households.md for what is consistent between member facts and indicator answers.
/// </summary>
public sealed class SyntheticProvinceGenerator
{
    /// <summary>The household code numbers up to 999,999 households per commune.</summary>
    public const int MaxHouseholdsPerCommune = 999_999;

    private readonly IReadOnlyList<CommuneContext> _communes;
    private readonly IReadOnlyList<int> _oldProvinceCodes;

    private SyntheticProvinceGenerator(SyntheticProvincePlan plan, IReadOnlyList<CommuneContext> communes, IReadOnlyList<int> oldProvinceCodes)
    {
        Plan = plan;
        _communes = communes;
        _oldProvinceCodes = oldProvinceCodes;
    }

    public SyntheticProvincePlan Plan { get; }

    public static CreateSyntheticProvinceResult Create(SyntheticProvinceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Households < 0 || options.MaxCommunes is < 1 || options.ReviewYear is < 2000 or > 2100)
        {
            return Refuse(SyntheticProvinceError.InvalidOptions,
                "Số hộ phải từ 0 trở lên, số xã (nếu có) từ 1 trở lên và năm rà soát từ 2000 đến 2100.");
        }

        var code = NormalizeProvinceCode(options.ProvinceCode);
        var geography = code is null ? null : ProvinceGeography.Load(code);
        if (geography is null)
        {
            return Refuse(SyntheticProvinceError.UnknownProvince,
                $"Không có tỉnh/thành phố mã \"{options.ProvinceCode}\" trong danh mục đơn vị hành chính từ 01/07/2025 " +
                "(Quyết định 19/2025/QĐ-TTg, 34 tỉnh/thành phố, mã 2 chữ số như 01, 11, 79).");
        }

        var chosen = geography.Communes.Take(options.MaxCommunes ?? int.MaxValue).ToList();
        var counts = Allocate(options.Households, chosen.Select(c => c.Weight).ToList());
        if (counts.Any(c => c > MaxHouseholdsPerCommune))
        {
            return Refuse(SyntheticProvinceError.CommuneCapacityExceeded, string.Create(CultureInfo.InvariantCulture,
                $"Mỗi xã chỉ đánh số được tối đa {MaxHouseholdsPerCommune} hộ; hãy giảm số hộ hoặc tăng số xã."));
        }

        var contexts = chosen.Select((c, i) => new CommuneContext(c, counts[i], options.Seed)).ToList();
        var expectedPoor = 0.0;
        var expectedNearPoor = 0.0;
        foreach (var group in contexts.GroupBy(c => c.Geography.Region))
        {
            var (poor, nearPoor) = RegionTables.Rates2022(group.Key);
            CommuneContext.Calibrate([.. group], poor, nearPoor);
            var share = options.Households == 0 ? 0 : group.Sum(c => (double)c.Households) / options.Households;
            expectedPoor += share * poor;
            expectedNearPoor += share * nearPoor;
        }

        var plan = new SyntheticProvincePlan
        {
            ProvinceCode = geography.Province.Code,
            ProvinceName = geography.Province.FullName,
            Region = geography.Region,
            Communes = [.. contexts.Select(c => new SyntheticCommune(
                c.Geography.Unit.Code, c.Geography.Unit.FullName, c.Geography.Area, c.Geography.Region, c.Households,
                [.. c.Villages.Select(v => v.Name)]))],
            Households = options.Households,
            Seed = options.Seed,
            ReviewYear = options.ReviewYear,
            ReviewDate = new DateOnly(options.ReviewYear, 12, 31),
            ExpectedPoorRate = expectedPoor,
            ExpectedNearPoorRate = expectedNearPoor,
        };
        var oldProvinces = ReferenceDataFiles.ReadUnits2024()
            .Where(u => u.Level == 1)
            .Select(u => int.Parse(u.Code, CultureInfo.InvariantCulture))
            .Order()
            .ToList();
        return new CreateSyntheticProvinceResult(new SyntheticProvinceGenerator(plan, contexts, oldProvinces), null, null);
    }

    /// <summary>The households, commune by commune in code order. Each enumeration starts over and gives the same rows.</summary>
    public IEnumerable<SyntheticHousehold> Generate()
    {
        var synthesizer = new HouseholdSynthesizer(Plan.ProvinceName, Plan.ReviewYear, Plan.Seed, _oldProvinceCodes);
        long index = 0;
        foreach (var commune in _communes)
        {
            for (var sequence = 1; sequence <= commune.Households; sequence++)
            {
                yield return synthesizer.Create(commune, sequence, index++);
            }
        }
    }

    /// <summary>"1" → "01"; anything that is not one or two digits → null.</summary>
    private static string? NormalizeProvinceCode(string? code)
    {
        var trimmed = code?.Trim() ?? "";
        return trimmed.Length is 1 or 2 && trimmed.All(char.IsAsciiDigit) ? trimmed.PadLeft(2, '0') : null;
    }

    /// <summary>Splits <paramref name="total"/> in proportion to the weights by largest remainder (deterministic).</summary>
    private static int[] Allocate(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var remaining = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(remaining))
        {
            counts[i]++;
        }

        return counts;
    }

    private static CreateSyntheticProvinceResult Refuse(SyntheticProvinceError error, string message) => new(null, error, message);
}
