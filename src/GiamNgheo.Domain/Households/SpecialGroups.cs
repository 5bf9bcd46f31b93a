namespace GiamNgheo.Domain.Households;

/// <summary>Special groups of docs/domain.md §5.3. They can overlap.</summary>
[Flags]
public enum SpecialGroups
{
    None = 0,
    /// <summary>Hộ dân tộc thiểu số (DTTS).</summary>
    EthnicMinority = 1,
    /// <summary>Hộ dân tộc tại chỗ (DTTC).</summary>
    LocalIndigenousMinority = 2,
    /// <summary>Hộ không có khả năng lao động (KCKNLĐ).</summary>
    NoLabourCapacity = 4,
    /// <summary>Hộ có thành viên là người có công với cách mạng.</summary>
    RevolutionaryMerit = 8,
    /// <summary>Hộ có thành viên là đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng.</summary>
    SocialProtection = 16,
    /// <summary>Chủ hộ là nữ.</summary>
    FemaleHead = 32,
}

/// <summary>The head member as the derived special groups see it: sex and whether the head's ethnic group is a minority.</summary>
public readonly record struct HeadFacts(Sex Sex, bool EthnicMinority);

/// <summary>The one rule for the special groups that follow the head member (domain reference §5.3).</summary>
public static class SpecialGroupRules
{
    /// <summary>The groups derived from the head member; every other flag is declared on the household.</summary>
    public const SpecialGroups DerivedFromHead = SpecialGroups.EthnicMinority | SpecialGroups.FemaleHead;

    /// <summary>
    /// <paramref name="groups"/> with the ethnic-minority and female-head flags set from <paramref name="head"/>: an
    /// ethnic-minority head makes the household an ethnic-minority household (hộ DTTS), a female head a female-headed
    /// one. Without a head member (a household between removing its head and naming a new one) the groups are unchanged.
    /// </summary>
    public static SpecialGroups FollowHead(SpecialGroups groups, HeadFacts? head)
    {
        if (head is not { } h)
        {
            return groups;
        }

        var result = groups & ~DerivedFromHead;
        if (h.EthnicMinority)
        {
            result |= SpecialGroups.EthnicMinority;
        }

        if (h.Sex == Sex.Female)
        {
            result |= SpecialGroups.FemaleHead;
        }

        return result;
    }
}
