using GiamNgheo.Application.Interchange;

namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Chooses a household's ND07_2021 deprivations to fit its drawn category. <c>dependants</c> is not chosen: it
/// follows from the members' ages and disabilities. The other member-derived indicators (employment, health
/// insurance, adult education, child schooling) are only chosen when a member exists who can carry them; the
/// member facts are then written to agree (<see cref="MemberFactWriter"/>). Weights and prevalences are [M].
/// </summary>
internal static class IndicatorPlanner
{
    public const int Employment = 0;
    public const int Dependants = 1;
    public const int Nutrition = 2;
    public const int HealthInsurance = 3;
    public const int AdultEducation = 4;
    public const int ChildSchooling = 5;
    public const int HousingQuality = 6;
    public const int HousingArea = 7;
    public const int Water = 8;
    public const int Sanitation = 9;
    public const int Telecom = 10;
    public const int InformationDevices = 11;
    public const int Nd07Count = 12;

    /// <summary>Relative frequency of each deprivation among poor and near-poor households (ND07 order).</summary>
    private static readonly double[] BaseWeights = [1.2, 0, 0.9, 0.35, 1.0, 0.45, 1.1, 0.7, 0.9, 1.3, 1.0, 0.8];

    /// <summary>Chance of each deprivation in a household above the income line (ND07 order).</summary>
    private static readonly double[] AboveLinePrevalence = [0.12, 0, 0.03, 0.04, 0.05, 0.01, 0.04, 0.05, 0.04, 0.07, 0.08, 0.03];

    private static readonly WeightedTable<int> PoorCounts = new([(3, 32), (4, 26), (5, 20), (6, 12), (7, 7), (8, 3)]);

    private static readonly WeightedTable<int> NearPoorCounts = new([(0, 15), (1, 35), (2, 50)]);

    /// <summary>The ND07 deprivations (12 flags, column order) for a household of these members.</summary>
    public static bool[] Choose(IReadOnlyList<MemberDraft> members, PovertyCategory category, bool minority, bool urban, SyntheticRandom random)
    {
        var deprived = new bool[Nd07Count];
        deprived[Dependants] = DependantsDeprived(members);
        var eligible = Eligibility(members);
        var weights = Adjusted(BaseWeights, minority, urban);

        switch (category)
        {
            case PovertyCategory.Poor:
                AddWeighted(deprived, eligible, weights, PoorCounts.Pick(random), random);
                break;
            case PovertyCategory.NearPoor:
                AddWeighted(deprived, eligible, weights, NearPoorCounts.Pick(random), random);
                break;
            case PovertyCategory.AboveLine:
                var prevalence = Adjusted(AboveLinePrevalence, minority, urban);
                for (var i = 0; i < Nd07Count; i++)
                {
                    if (i != Dependants && eligible[i] && random.Chance(Math.Min(prevalence[i], 0.5)))
                    {
                        deprived[i] = true;
                    }
                }

                break;
        }

        return deprived;
    }

    /// <summary>Dependants (under 16, 60 or over, severe or extremely severe disability) are more than half the members.</summary>
    public static bool DependantsDeprived(IReadOnlyList<MemberDraft> members) =>
        2 * members.Count(m => m.Age < 16 || m.Age >= 60 || m.IsSeverelyDisabled) > members.Count;

    public static bool IsEmploymentCandidate(MemberDraft m) => m.Age is >= 18 and <= 55 && !m.IsSeverelyDisabled;

    public static bool IsAdultEducationCandidate(MemberDraft m) => m.Age is >= 19 and <= 29;

    public static bool IsChildSchoolingCandidate(MemberDraft m) => m.Age is >= 6 and <= 14;

    public static bool IsHealthInsuranceCandidate(MemberDraft m) => m.Age >= 16;

    private static bool[] Eligibility(IReadOnlyList<MemberDraft> members)
    {
        var eligible = Enumerable.Repeat(true, Nd07Count).ToArray();
        eligible[Dependants] = false;
        eligible[Employment] = members.Any(IsEmploymentCandidate);
        eligible[Nutrition] = members.Any(m => m.Age < 16);
        eligible[HealthInsurance] = members.Any(IsHealthInsuranceCandidate);
        eligible[AdultEducation] = members.Any(IsAdultEducationCandidate);
        eligible[ChildSchooling] = members.Any(IsChildSchoolingCandidate);
        return eligible;
    }

    private static double[] Adjusted(double[] weights, bool minority, bool urban)
    {
        var result = (double[])weights.Clone();
        if (minority)
        {
            foreach (var i in new[] { Water, Sanitation, Nutrition, HousingQuality })
            {
                result[i] *= 1.5;
            }
        }

        if (urban)
        {
            foreach (var i in new[] { Water, Sanitation, HousingQuality })
            {
                result[i] *= 0.5;
            }
        }

        return result;
    }

    /// <summary>Adds deprivations, weighted and without repetition, until <paramref name="target"/> are deprived.</summary>
    private static void AddWeighted(bool[] deprived, bool[] eligible, double[] weights, int target, SyntheticRandom random)
    {
        while (deprived.Count(d => d) < target)
        {
            var total = 0.0;
            for (var i = 0; i < Nd07Count; i++)
            {
                total += !deprived[i] && eligible[i] ? weights[i] : 0;
            }

            if (total <= 0)
            {
                return;
            }

            var pick = random.NextDouble() * total;
            for (var i = 0; i < Nd07Count; i++)
            {
                var w = !deprived[i] && eligible[i] ? weights[i] : 0;
                if (w <= 0)
                {
                    continue;
                }

                if (pick < w)
                {
                    deprived[i] = true;
                    break;
                }

                pick -= w;
            }
        }
    }

    /// <summary>The 17 interchange answers: the 12 ND07 flags plus the QD59-only ones.</summary>
    public static IndicatorAnswers ToAnswers(bool[] nd07, IReadOnlyList<(string Code, bool Deprived)> qd59Only)
    {
        var answers = IndicatorAnswers.None;
        for (var i = 0; i < Nd07Count; i++)
        {
            answers = answers.With(i, nd07[i]);
        }

        foreach (var (code, value) in qd59Only)
        {
            answers = answers.With(code, value);
        }

        return answers;
    }
}
