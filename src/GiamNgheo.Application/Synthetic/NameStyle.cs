using GiamNgheo.Domain.Households;

namespace GiamNgheo.Application.Synthetic;

/// <summary>How people of one naming tradition are named: family (or clan) name, middle name, given name.</summary>
internal sealed class NameStyle
{
    public required WeightedTable<string> Families { get; init; }

    /// <summary>Middle names used besides the traditional Văn/Thị (Kinh and Hoa); empty for the other styles.</summary>
    public IReadOnlyList<string> ModernMaleMiddles { get; init; } = [];

    public IReadOnlyList<string> ModernFemaleMiddles { get; init; } = [];

    public IReadOnlyList<string> MaleMiddles { get; init; } = ["Văn"];

    public IReadOnlyList<string> FemaleMiddles { get; init; } = ["Thị"];

    /// <summary>Used instead of the middle name when the family name is empty (A/Y of the Ba na, K'/Ka of the Cơ-ho).</summary>
    public IReadOnlyList<string> BareMalePrefixes { get; init; } = [];

    public IReadOnlyList<string> BareFemalePrefixes { get; init; } = [];

    public required IReadOnlyList<string> MaleGivens { get; init; }

    public required IReadOnlyList<string> FemaleGivens { get; init; }

    public NamePattern Pattern { get; init; } = NamePattern.FamilyMiddleGiven;

    /// <summary>Children take the mother's clan (Ê-đê, Gia-rai) rather than the father's family name.</summary>
    public bool Matrilineal { get; init; }

    public string DrawFamily(SyntheticRandom random) => Families.Pick(random);

    public string Compose(string family, Sex sex, int birthYear, SyntheticRandom random)
    {
        var male = sex == Sex.Male;
        var given = random.Pick(male ? MaleGivens : FemaleGivens);
        switch (Pattern)
        {
            case NamePattern.EdeLike:
                return male ? $"Y {given} {family}" : $"H'{given} {family}";
            case NamePattern.GiaRaiLike:
                return male ? $"{family} {given}" : $"{family} H'{given}";
            case NamePattern.FamilyMiddleGiven:
                break;
        }

        if (family.Length == 0)
        {
            var prefix = random.Pick(male ? BareMalePrefixes : BareFemalePrefixes);
            return prefix.EndsWith('\'') ? prefix + given : $"{prefix} {given}";
        }

        var modern = male ? ModernMaleMiddles : ModernFemaleMiddles;
        var middle = modern.Count > 0 && !random.Chance(TraditionalMiddleShare(birthYear, male))
            ? random.Pick(modern)
            : random.Pick(male ? MaleMiddles : FemaleMiddles);
        return middle.Length == 0 ? $"{family} {given}" : $"{family} {middle} {given}";
    }

    /// <summary>Share of Văn/Thị among Kinh middle names by birth cohort. [M] A plausible trend, not a statistic.</summary>
    private static double TraditionalMiddleShare(int birthYear, bool male) => (birthYear, male) switch
    {
        ( < 1970, true) => 0.8,
        ( < 1970, false) => 0.9,
        ( < 1990, true) => 0.55,
        ( < 1990, false) => 0.7,
        (_, true) => 0.3,
        (_, false) => 0.4,
    };
}

internal enum NamePattern
{
    /// <summary>Nguyễn Văn An, Giàng A Pó, Lò Thị Ím; or A Thút / K'Brăk when there is no family name.</summary>
    FamilyMiddleGiven = 0,

    /// <summary>Ê-đê: Y Blơ Niê (male), H'Hen Niê (female); the clan comes last.</summary>
    EdeLike = 1,

    /// <summary>Gia-rai: Ksor Kơ (male), Siu H'Bông (female); the clan comes first.</summary>
    GiaRaiLike = 2,
}
