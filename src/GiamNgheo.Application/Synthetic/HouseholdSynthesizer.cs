using System.Globalization;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Builds one household: village, ethnicity, ND07 category, members, their facts and the indicator answers, income,
/// names, ID numbers, flags, causes and needs. Each household is drawn from its own random stream (seed, index),
/// so it depends only on the run's options; only the ID counters carry over from one household to the next.
/// </summary>
internal sealed class HouseholdSynthesizer(string provinceFullName, int reviewYear, long seed, IReadOnlyList<int> oldProvinceCodes)
{
    private readonly SyntheticRandom _random = new(0);
    private readonly PersonalIdAllocator _ids = new(seed);
    private readonly DateOnly _reviewDate = new(reviewYear, 12, 31);

    public SyntheticHousehold Create(CommuneContext commune, int sequence, long index)
    {
        var random = _random;
        random.Reseed((ulong)seed, (ulong)index);
        var urban = commune.Urban;
        var (village, villageMain) = commune.PickVillage(random);
        var headEthnicity = commune.DrawEthnicity(villageMain, random);
        var category = commune.DrawCategory(headEthnicity, random);
        var members = HouseholdComposer.Compose(HouseholdComposer.DrawSize(headEthnicity, random), random);
        AssignEthnicities(members, headEthnicity, commune, random);

        var highRisk = headEthnicity is not (EthnicMixTables.Kinh or EthnicMixTables.Hoa);
        var belowLine = category != PovertyCategory.AboveLine;
        MemberFactWriter.DrawDisabilities(members, belowLine, random);
        var nd07 = IndicatorPlanner.Choose(members, category, highRisk, urban, random);
        MemberFactWriter.Write(members, nd07, highRisk || belowLine, urban, random);

        var birthDates = members.Select(m => _reviewDate.AddYears(-m.Age).AddDays(-random.Next(365))).ToArray();
        var answers = IndicatorPlanner.ToAnswers(nd07,
        [
            ("adult_education_2016", members.Where((m, i) => m.Age >= 15 && birthDates[i].Year >= 1986
                && m.Education < EducationLevel.LowerSecondary && !m.InSchool).Any()),
            ("child_schooling_2016", members.Any(m => m.Age is >= 5 and <= 14 && !m.InSchool)),
            ("health_access", random.Chance(category switch
            {
                PovertyCategory.Poor => 0.15,
                PovertyCategory.NearPoor => 0.08,
                PovertyCategory.AboveLine => 0.02,
            })),
            ("telecom_2016", random.Chance(nd07[IndicatorPlanner.Telecom] ? 0.5 : 0.01)),
            ("information_assets", random.Chance(nd07[IndicatorPlanner.InformationDevices] ? 0.85 : 0.02)),
        ]);

        var income = Income(category, commune.Geography.Region, commune.Geography.Area, random);
        var householdCode = string.Create(CultureInfo.InvariantCulture, $"{commune.Geography.Unit.Code}-{sequence:000000}");
        var rows = Members(members, birthDates, householdCode, commune, random);
        var flags = Flags(members, commune, random, category);
        var communeName = commune.Geography.Unit.FullName;
        var address = urban
            ? string.Create(CultureInfo.InvariantCulture, $"Số {random.Between(1, 300)}, {village}, {communeName}, {provinceFullName}")
            : $"{village}, {communeName}, {provinceFullName}";

        var household = new HouseholdRow
        {
            HouseholdCode = householdCode,
            CommuneCode = commune.Geography.Unit.Code,
            Village = village,
            Address = address,
            HeadName = rows[0].FullName,
            Area = commune.Geography.Area,
            ReviewYear = reviewYear,
            Income = income,
            Indicators = answers,
            Causes = belowLine ? CausesAndNeeds.DrawCauses(members, flags, urban, random) : PovertyCauses.None,
            Needs = belowLine ? CausesAndNeeds.DrawNeeds(members, nd07, urban, random) : SupportNeeds.None,
            Flags = flags,
        };
        return new SyntheticHousehold(household, rows);
    }

    private static void AssignEthnicities(List<MemberDraft> members, string headEthnicity, CommuneContext commune, SyntheticRandom random)
    {
        var head = members[0];
        head.Ethnicity = headEthnicity;
        string Partner() => random.Chance(0.88) ? headEthnicity
            : headEthnicity != EthnicMixTables.Kinh && random.Chance(0.6) ? EthnicMixTables.Kinh
            : commune.Mix.Pick(random);

        foreach (var m in members.Skip(1).Where(m => m.Relation is RelationToHead.Spouse or RelationToHead.Other))
        {
            m.Ethnicity = Partner();
        }

        var father = head.Sex == Sex.Male ? head : members.FirstOrDefault(m => m.Relation == RelationToHead.Spouse && m.Sex == Sex.Male);
        foreach (var m in members.Skip(1).Where(m => m.Relation is not (RelationToHead.Spouse or RelationToHead.Other)))
        {
            m.Ethnicity = m.Relation == RelationToHead.Child ? (father ?? head).Ethnicity : headEthnicity;
        }
    }

    private List<MemberRow> Members(List<MemberDraft> members, DateOnly[] birthDates, string householdCode, CommuneContext commune, SyntheticRandom random)
    {
        AssignFamilies(members, commune.Geography.GeoRegion, random);
        var migrantShare = commune.Geography.Region == SocioEconomicRegion.Southeast ? 0.3 : 0.08;
        var rows = new List<MemberRow>(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var year = birthDates[i].Year;
            var style = NameCatalog.For(m.Ethnicity, commune.Geography.GeoRegion);
            var birthProvince = random.Chance(migrantShare) ? random.Pick(oldProvinceCodes) : commune.Geography.BirthProvinces.Pick(random);
            rows.Add(new MemberRow
            {
                HouseholdCode = householdCode,
                FullName = style.Compose(m.Family, m.Sex, year, random),
                Sex = m.Sex,
                DateOfBirth = birthDates[i],
                EthnicityCode = m.Ethnicity,
                RelationToHead = m.Relation,
                PersonalId = _ids.Next(birthProvince, m.Sex, year),
                HealthInsurance = m.HealthInsurance,
                Education = m.Education,
                Schooling = m.Schooling,
                Disability = m.Disability,
                Employment = m.Employment,
            });
        }

        return rows;
    }

    /// <summary>Family names: children take their father's (their mother's clan among the Ê-đê and Gia-rai).</summary>
    private static void AssignFamilies(List<MemberDraft> members, GeoRegion region, SyntheticRandom random)
    {
        NameStyle Style(MemberDraft m) => NameCatalog.For(m.Ethnicity, region);
        var head = members[0];
        head.Family = Style(head).DrawFamily(random);
        foreach (var m in members.Skip(1).Where(m => m.Relation is not (RelationToHead.Child or RelationToHead.Grandchild)))
        {
            var inheritsFromHead = m.Ethnicity == head.Ethnicity && (m.Relation == RelationToHead.Sibling
                || (m.Relation == RelationToHead.Parent && (m.Sex == Sex.Female) == Style(m).Matrilineal));
            m.Family = inheritsFromHead ? head.Family : Style(m).DrawFamily(random);
        }

        var spouse = members.FirstOrDefault(m => m.Relation == RelationToHead.Spouse);
        var adultChild = members.FirstOrDefault(m => m.Relation == RelationToHead.Child && m.Age >= 18);
        var inLaw = members.FirstOrDefault(m => m.Relation == RelationToHead.Other);
        foreach (var m in members.Where(m => m.Relation is RelationToHead.Child or RelationToHead.Grandchild))
        {
            var (p1, p2) = m.Relation == RelationToHead.Child ? (head, spouse) : (adultChild, inLaw);
            var style = Style(m);
            var wanted = style.Matrilineal ? Sex.Female : Sex.Male;
            var parent = new[] { p1, p2 }.FirstOrDefault(p => p is not null && p.Sex == wanted && p.Ethnicity == m.Ethnicity && p != m);
            m.Family = parent?.Family ?? style.DrawFamily(random);
        }
    }

    private static SpecialGroups Flags(List<MemberDraft> members, CommuneContext commune, SyntheticRandom random, PovertyCategory category)
    {
        var head = members[0];
        var flags = SpecialGroups.None;
        if (head.Ethnicity != EthnicMixTables.Kinh)
        {
            flags |= SpecialGroups.EthnicMinority;
        }

        if (commune.Geography.GeoRegion == GeoRegion.CentralHighlands && EthnicMixTables.IsCentralHighlandsIndigenous(head.Ethnicity))
        {
            flags |= SpecialGroups.LocalIndigenousMinority;
        }

        if (!members.Any(CanWork))
        {
            flags |= SpecialGroups.NoLabourCapacity;
        }

        if (random.Chance(members.Any(m => m.Age >= 65) ? 0.06 : 0.015))
        {
            flags |= SpecialGroups.RevolutionaryMerit;
        }

        var allowance = members.Any(m => m.Age >= 80 || m.IsSeverelyDisabled) ? 0.9
            : category == PovertyCategory.Poor && members.Count == 1 ? 0.2 : 0.01;
        if (random.Chance(allowance))
        {
            flags |= SpecialGroups.SocialProtection;
        }

        if (head.Sex == Sex.Female)
        {
            flags |= SpecialGroups.FemaleHead;
        }

        return flags;
    }

    /// <summary>
    /// Able to work (for the no-labour-capacity flag, §5.3 [M]): in the labour force, or aged 15–59, out of school,
    /// without severe disability and not marked unable to work.
    /// </summary>
    private static bool CanWork(MemberDraft m) => m.Employment switch
    {
        Employment.WageWithContract or Employment.WageWithoutContract or Employment.SelfEmployed or Employment.Unemployed => true,
        Employment.UnableToWork => false,
        Employment.NotInLabourForce => m.Age is >= 15 and < 60 && !m.InSchool && !m.IsSeverelyDisabled,
    };

    /// <summary>
    /// Whole đồng per person per month, in steps of 1,000. Poor and near-poor: a share of the ND07 line (at or below
    /// it); above the line: a log-normal around the regional median, truncated above the line.
    /// </summary>
    private static long Income(PovertyCategory category, SocioEconomicRegion region, AreaType area, SyntheticRandom random)
    {
        var line = RegionTables.Nd07IncomeLine(area);
        switch (category)
        {
            case PovertyCategory.Poor:
                return FloorThousand(line * (0.3 + (0.7 * random.NextDouble())));
            case PovertyCategory.NearPoor:
                return FloorThousand(line * (0.45 + (0.55 * random.NextDouble())));
            case PovertyCategory.AboveLine:
                break;
        }

        var (rural, urban) = RegionTables.MedianIncome(region);
        var median = area == AreaType.Urban ? urban : rural;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var x = median * Math.Exp(0.55 * random.NextGaussian());
            if (x > line)
            {
                return CeilThousand(x);
            }
        }

        return CeilThousand(line + 1_000 + (line * 0.5 * random.NextDouble()));
    }

    private static long FloorThousand(double value) => Math.Max((long)(value / 1_000) * 1_000, 1_000);

    private static long CeilThousand(double value) => (long)Math.Ceiling(value / 1_000) * 1_000;
}
