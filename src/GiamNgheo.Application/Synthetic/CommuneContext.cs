using GiamNgheo.Domain.Common;

namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Everything the generator needs about one commune of a run: its villages (each with a main ethnic group, which
/// gives it its name), its ethnic mix, and the risk model that turns the regional poverty rates into a chance per
/// household.
/// </summary>
internal sealed class CommuneContext
{
    /// <summary>Share of a village's households that belong to its main group; the rest follow the commune mix.</summary>
    public const double VillageCohesion = 0.8;

    private const double PoorMinorityRisk = 4.0;
    private const double PoorUrbanRisk = 0.35;
    private const double NearPoorMinorityRisk = 2.0;
    private const double NearPoorUrbanRisk = 0.5;
    private const double MaxPoorChance = 0.85;
    private const double MaxPoorOrNearPoorChance = 0.95;

    public CommuneContext(CommuneGeography geography, int households, long seed)
    {
        Geography = geography;
        Households = households;
        Mix = EthnicMixTables.For(geography.GeoRegion, Urban);
        var random = new SyntheticRandom((ulong)seed, SyntheticRandom.Hash("villages:" + geography.Unit.Code));
        Villages = DrawVillages(random);
    }

    public CommuneGeography Geography { get; }

    public int Households { get; }

    public bool Urban => Geography.Area == AreaType.Urban;

    public WeightedTable<string> Mix { get; }

    public IReadOnlyList<(string Name, string MainEthnicity)> Villages { get; }

    /// <summary>Set by <see cref="Calibrate"/>: multiply by a household's risk to get its chance of being poor.</summary>
    public double PoorBase { get; private set; }

    public double NearPoorBase { get; private set; }

    public static double PoorRisk(string ethnicity, bool urban) =>
        (IsHighRisk(ethnicity) ? PoorMinorityRisk : 1.0) * (urban ? PoorUrbanRisk : 1.0);

    public static double NearPoorRisk(string ethnicity, bool urban) =>
        (IsHighRisk(ethnicity) ? NearPoorMinorityRisk : 1.0) * (urban ? NearPoorUrbanRisk : 1.0);

    /// <summary>
    /// Sets the bases of every commune of one region so that the expected poor and near-poor rates over their
    /// households equal the region's 2022 rates: base = target ÷ mean risk, the mean taken exactly over villages and
    /// the ethnic draw.
    /// </summary>
    public static void Calibrate(IReadOnlyList<CommuneContext> communes, double poorTarget, double nearPoorTarget)
    {
        var total = communes.Sum(c => (double)c.Households);
        if (total == 0)
        {
            foreach (var c in communes)
            {
                (c.PoorBase, c.NearPoorBase) = (poorTarget, nearPoorTarget);
            }

            return;
        }

        var meanPoorRisk = communes.Sum(c => c.Households * c.MeanRisk(PoorRisk)) / total;
        var meanNearPoorRisk = communes.Sum(c => c.Households * c.MeanRisk(NearPoorRisk)) / total;
        foreach (var c in communes)
        {
            c.PoorBase = poorTarget / meanPoorRisk;
            c.NearPoorBase = nearPoorTarget / meanNearPoorRisk;
        }
    }

    public (string Name, string MainEthnicity) PickVillage(SyntheticRandom random) => random.Pick(Villages);

    public string DrawEthnicity(string villageMainEthnicity, SyntheticRandom random) =>
        random.Chance(VillageCohesion) ? villageMainEthnicity : Mix.Pick(random);

    public PovertyCategory DrawCategory(string ethnicity, SyntheticRandom random)
    {
        var poor = Math.Min(PoorBase * PoorRisk(ethnicity, Urban), MaxPoorChance);
        var nearPoor = Math.Min(NearPoorBase * NearPoorRisk(ethnicity, Urban), MaxPoorOrNearPoorChance - poor);
        var u = random.NextDouble();
        return u < poor ? PovertyCategory.Poor : u < poor + nearPoor ? PovertyCategory.NearPoor : PovertyCategory.AboveLine;
    }

    /// <summary>Hoa households are not given the minority risk: their poverty rates are close to the Kinh ones. [M]</summary>
    private static bool IsHighRisk(string ethnicity) => ethnicity is not (EthnicMixTables.Kinh or EthnicMixTables.Hoa);

    private double MeanRisk(Func<string, bool, double> risk)
    {
        var mixRisk = Mix.Items.Sum(e => Mix.Share(x => x == e) * risk(e, Urban));
        return Villages.Average(v => (VillageCohesion * risk(v.MainEthnicity, Urban)) + ((1 - VillageCohesion) * mixRisk));
    }

    private List<(string, string)> DrawVillages(SyntheticRandom random)
    {
        var region = Geography.GeoRegion;
        var type = Geography.Unit.Type;
        var count = Urban ? random.Between(10, 35) : type == "Xã" ? random.Between(8, 25) : random.Between(4, 10);
        var villages = new List<(string, string)>(count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var kinhWord = VillageNames.KinhWord(region, random);
        var number = 0;
        for (var i = 0; i < count; i++)
        {
            var main = Mix.Pick(random);
            if (Urban)
            {
                villages.Add((VillageNames.Urban(region, i + 1), main));
                continue;
            }

            var name = VillageNames.Rural(main, region, kinhWord, random, ref number);
            for (var attempt = 0; attempt < 10 && names.Contains(name); attempt++)
            {
                name = VillageNames.Rural(main, region, kinhWord, random, ref number);
            }

            if (!names.Add(name))
            {
                name = $"{kinhWord} {++number}";
                names.Add(name);
            }

            villages.Add((name, main));
        }

        return villages;
    }
}
