using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Synthetic;

/// <summary>
/// Who lives in a household: size, ages, sexes and relations to the head. [M] Shapes, not statistics: about 3.6
/// people per Kinh household and more in minority ones (HMông the most), some elderly living alone, three-generation
/// households with a head over 50, young couples with a parent.
/// </summary>
internal static class HouseholdComposer
{
    private static readonly WeightedTable<int> KinhSizes =
        new([(1, 9), (2, 18), (3, 22), (4, 27), (5, 13), (6, 7), (7, 3), (8, 1)]);

    private static readonly WeightedTable<int> MinoritySizes =
        new([(1, 4), (2, 12), (3, 17), (4, 24), (5, 19), (6, 12), (7, 7), (8, 3), (9, 2)]);

    private static readonly WeightedTable<int> LargeSizes =
        new([(2, 5), (3, 8), (4, 14), (5, 18), (6, 18), (7, 15), (8, 11), (9, 7), (10, 4)]);

    public static int DrawSize(string headEthnicity, SyntheticRandom random) => headEthnicity switch
    {
        EthnicMixTables.Kinh or EthnicMixTables.Hoa => KinhSizes.Pick(random),
        "08" or "35" or "41" => LargeSizes.Pick(random),
        _ => MinoritySizes.Pick(random),
    };

    public static List<MemberDraft> Compose(int size, SyntheticRandom random)
    {
        var headAge = size switch
        {
            1 => random.Chance(0.6) ? random.Between(60, 88) : random.Between(22, 59),
            2 => random.Chance(0.5) ? random.Between(55, 85) : random.Between(22, 50),
            _ => random.Chance(0.1) ? random.Between(71, 85) : random.Between(25, 70),
        };
        var femaleHeadChance = size == 1 ? (headAge >= 60 ? 0.6 : 0.35) : 0.2;
        var headSex = random.Chance(femaleHeadChance) ? Sex.Female : Sex.Male;
        var head = new MemberDraft(RelationToHead.Head, headSex, headAge);
        var members = new List<MemberDraft>(size) { head };

        MemberDraft? spouse = null;
        var spouseChance = headSex == Sex.Female ? 0.3 : headAge < 70 ? 0.92 : 0.7;
        if (size >= 2 && random.Chance(spouseChance))
        {
            var spouseAge = headSex == Sex.Male ? headAge - random.Between(0, 7) : headAge + random.Between(0, 6);
            spouse = new MemberDraft(RelationToHead.Spouse, Opposite(headSex), Math.Clamp(spouseAge, 18, 95));
            members.Add(spouse);
        }

        var mother = headSex == Sex.Female ? head : spouse;
        var motherAge = mother?.Age ?? headAge - 3;
        if (headAge >= 50 && size - members.Count >= 2 && random.Chance(0.55))
        {
            AddThreeGenerations(members, size, headAge, random);
        }
        else
        {
            if (headAge <= 45 && size - members.Count >= 3 && random.Chance(0.25))
            {
                var parents = size - members.Count >= 4 && random.Chance(0.5) ? 2 : 1;
                for (var i = 0; i < parents; i++)
                {
                    var sex = i == 0 ? Sex.Female : Sex.Male;
                    members.Add(new MemberDraft(RelationToHead.Parent, sex, Math.Min(headAge + random.Between(22, 32), 95)));
                }
            }

            AddChildren(members, size, RelationToHead.Child, motherAge, random);
        }

        return members;
    }

    private static void AddThreeGenerations(List<MemberDraft> members, int size, int headAge, SyntheticRandom random)
    {
        var adultSex = random.Chance(0.7) ? Sex.Male : Sex.Female;
        var adult = new MemberDraft(RelationToHead.Child, adultSex, Math.Max(headAge - random.Between(22, 30), 18));
        members.Add(adult);
        var motherAge = adultSex == Sex.Female ? adult.Age : adult.Age - 2;
        if (size - members.Count >= 2 && random.Chance(0.85))
        {
            var inLawAge = Math.Max(adult.Age + random.Between(-3, 3), 18);
            members.Add(new MemberDraft(RelationToHead.Other, Opposite(adultSex), inLawAge));
            motherAge = adultSex == Sex.Female ? adult.Age : inLawAge;
        }

        AddChildren(members, size, RelationToHead.Grandchild, motherAge, random);
    }

    private static void AddChildren(List<MemberDraft> members, int size, RelationToHead relation, int motherAge, SyntheticRandom random)
    {
        var age = Math.Max(motherAge - random.Between(19, 30), 0);
        if (relation == RelationToHead.Grandchild)
        {
            age = Math.Min(age, 17);
        }

        while (members.Count < size)
        {
            members.Add(new MemberDraft(relation, random.Chance(0.51) ? Sex.Male : Sex.Female, age));
            age = Math.Max(age - random.Between(1, 4), 0);
        }
    }

    private static Sex Opposite(Sex sex) => sex switch
    {
        Sex.Male => Sex.Female,
        Sex.Female => Sex.Male,
    };
}
