using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Fills in member facts (disability, schooling, education, health insurance, employment) so that the indicators
/// derived from them agree with the household's chosen ND07 answers, with a year's margin on age boundaries so an
/// importer taking ages at any date of the review year derives the same answers:
/// <list type="bullet">
/// <item>health insurance: everyone insured, unless deprived; then one or two members aged 16+ are not;</item>
/// <item>child schooling: every child aged 3–16 is in school, unless deprived; then one or two aged 6–14 are not;</item>
/// <item>adult education: every member 16–31 out of school has lower secondary (16–17) or upper secondary /
/// vocational / higher (18–31), unless deprived; then one member aged 19–29 has at most lower secondary;</item>
/// <item>employment: nobody is unemployed or a wage worker without contract, unless deprived; then one or two
/// members aged 18–55 without severe disability are.</item>
/// </list>
/// Proportions are [M].
/// </summary>
internal static class MemberFactWriter
{
    private static readonly WeightedTable<EducationLevel> OlderAdults = Levels(15, 40, 30, 10, 3, 2);
    private static readonly WeightedTable<EducationLevel> Adults = Levels(4, 18, 38, 22, 9, 9);
    private static readonly WeightedTable<EducationLevel> DisadvantagedAdults = Levels(15, 35, 30, 12, 5, 3);
    private static readonly WeightedTable<EducationLevel> YoungAdults = Levels(0, 0, 0, 55, 25, 20);
    private static readonly WeightedTable<EducationLevel> YoungUrbanAdults = Levels(0, 0, 0, 35, 25, 40);
    private static readonly WeightedTable<EducationLevel> YoungDisadvantagedAdults = Levels(0, 0, 0, 70, 20, 10);

    public static void DrawDisabilities(IEnumerable<MemberDraft> members, bool poorOrNearPoor, SyntheticRandom random)
    {
        var factor = poorOrNearPoor ? 1.8 : 1.0;
        foreach (var m in members)
        {
            var (mild, severe, extreme) = m.Age >= 60 ? (0.06, 0.025, 0.008) : (0.02, 0.006, 0.002);
            var u = random.NextDouble();
            m.Disability = u < extreme * factor ? Disability.ExtremelySevere
                : u < (extreme + severe) * factor ? Disability.Severe
                : u < (extreme + severe + mild) * factor ? Disability.Mild
                : Disability.None;
        }
    }

    public static void Write(IReadOnlyList<MemberDraft> members, bool[] deprived, bool disadvantaged, bool urban, SyntheticRandom random)
    {
        foreach (var m in members)
        {
            m.Schooling = DefaultSchooling(m.Age, disadvantaged, urban, random);
        }

        var precarious = deprived[IndicatorPlanner.Employment]
            ? PickSome(members, IndicatorPlanner.IsEmploymentCandidate, 0.3, random) : [];
        var undereducated = deprived[IndicatorPlanner.AdultEducation]
            ? PickSome(members, IndicatorPlanner.IsAdultEducationCandidate, 0, random) : [];
        var outOfSchool = deprived[IndicatorPlanner.ChildSchooling]
            ? PickSome(members, IndicatorPlanner.IsChildSchoolingCandidate, 0.3, random) : [];
        var uninsured = deprived[IndicatorPlanner.HealthInsurance]
            ? PickSome(members, IndicatorPlanner.IsHealthInsuranceCandidate, 0.3, random) : [];

        foreach (var m in precarious.Concat(undereducated).Concat(outOfSchool))
        {
            m.Schooling = Schooling.NotInSchool;
        }

        foreach (var m in members)
        {
            m.Education = Education(m, undereducated.Contains(m), disadvantaged, urban, random);
            m.HealthInsurance = !uninsured.Contains(m);
            m.Employment = precarious.Contains(m)
                ? random.Chance(0.35) ? Employment.Unemployed : Employment.WageWithoutContract
                : DefaultEmployment(m, urban, random);
        }
    }

    private static Schooling DefaultSchooling(int age, bool disadvantaged, bool urban, SyntheticRandom random)
    {
        var inSchool = age switch
        {
            < 3 => false,
            <= 16 => true,
            17 => random.Chance(0.8),
            <= 22 => random.Chance((urban ? 0.45 : 0.25) * (disadvantaged ? 0.5 : 1.0)),
            _ => false,
        };
        return inSchool ? Schooling.InSchool : Schooling.NotInSchool;
    }

    private static EducationLevel Education(MemberDraft m, bool undereducated, bool disadvantaged, bool urban, SyntheticRandom random)
    {
        if (undereducated)
        {
            return random.Chance(0.4) ? EducationLevel.Primary : EducationLevel.LowerSecondary;
        }

        if (m.InSchool || m.Age < 16)
        {
            return m.Age switch
            {
                <= 10 => EducationLevel.None,
                <= 14 => m.InSchool ? EducationLevel.Primary : random.Chance(0.5) ? EducationLevel.None : EducationLevel.Primary,
                <= 17 => EducationLevel.LowerSecondary,
                _ => EducationLevel.UpperSecondary,
            };
        }

        return m.Age switch
        {
            <= 17 => EducationLevel.LowerSecondary,
            <= 31 => (disadvantaged ? YoungDisadvantagedAdults : urban ? YoungUrbanAdults : YoungAdults).Pick(random),
            < 60 => (disadvantaged ? DisadvantagedAdults : Adults).Pick(random),
            _ => OlderAdults.Pick(random),
        };
    }

    private static Employment DefaultEmployment(MemberDraft m, bool urban, SyntheticRandom random)
    {
        if (m.Age < 15 || m.InSchool)
        {
            return Employment.NotInLabourForce;
        }

        if (m.IsSeverelyDisabled)
        {
            return Employment.UnableToWork;
        }

        var u = random.NextDouble();
        return m.Age switch
        {
            >= 75 => u < 0.4 ? Employment.UnableToWork : Employment.NotInLabourForce,
            >= 60 => u < (urban ? 0.2 : 0.45) ? Employment.SelfEmployed : Employment.NotInLabourForce,
            _ when urban => u < 0.55 ? Employment.WageWithContract : u < 0.88 ? Employment.SelfEmployed : Employment.NotInLabourForce,
            _ => u < 0.66 ? Employment.SelfEmployed : u < 0.88 ? Employment.WageWithContract : Employment.NotInLabourForce,
        };
    }

    /// <summary>One random member matching <paramref name="predicate"/>, and with <paramref name="secondChance"/> another.</summary>
    private static List<MemberDraft> PickSome(IReadOnlyList<MemberDraft> members, Func<MemberDraft, bool> predicate, double secondChance, SyntheticRandom random)
    {
        var candidates = members.Where(predicate).ToList();
        var picked = new List<MemberDraft>(2);
        if (candidates.Count == 0)
        {
            return picked;
        }

        var first = random.Next(candidates.Count);
        picked.Add(candidates[first]);
        if (candidates.Count > 1 && random.Chance(secondChance))
        {
            picked.Add(candidates[(first + 1 + random.Next(candidates.Count - 1)) % candidates.Count]);
        }

        return picked;
    }

    private static WeightedTable<EducationLevel> Levels(double none, double primary, double lower, double upper, double vocational, double higher) =>
        new([
            (EducationLevel.None, none), (EducationLevel.Primary, primary), (EducationLevel.LowerSecondary, lower),
            (EducationLevel.UpperSecondary, upper), (EducationLevel.Vocational, vocational), (EducationLevel.Higher, higher),
        ]);
}
